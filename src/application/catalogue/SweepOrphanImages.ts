import type { Clock } from '../ports/Clock';
import type { Logger } from '../ports/Logger';
import type { ObjectStorage } from '../ports/ObjectStorage';
import type { StoredImageReferences } from '../ports/StoredImageReferences';
import { ValidationFailed } from '../../domain/shared/errors';
import { IMAGE_PREFIXES } from './ImageUploads';

/** Longer than any transaction runs: an upload whose commit is still to come is never swept. */
export const DEFAULT_SWEEP_GRACE_MS = 3600_000;
export const MIN_SWEEP_GRACE_MS = 60_000;
/** Candidate keys asked about at once (each ask reads `tours.images` once). */
const BATCH = 5000;

export interface SweepResult {
  scanned: number;
  tooYoung: number;
  referenced: number;
  orphans: number;
  deleted: number;
  failed: number;
  dryRun: boolean;
}

/**
 * Removes image objects no tour, division or user references: those left by a crash between
 * upload and commit, or by a delete after a commit that failed (`ImageUploads.discard`).
 */
export class SweepOrphanImages {
  constructor(private readonly storage: ObjectStorage, private readonly references: StoredImageReferences, private readonly clock: Clock, private readonly logger: Logger) {}

  async execute(input: { graceMs?: number; dryRun?: boolean } = {}): Promise<SweepResult> {
    const graceMs = input.graceMs ?? DEFAULT_SWEEP_GRACE_MS;
    if (!Number.isSafeInteger(graceMs) || graceMs < MIN_SWEEP_GRACE_MS) throw ValidationFailed.field('grace', 'must be at least 1m');
    const before = this.clock.now().getTime() - graceMs;
    const result: SweepResult = { scanned: 0, tooYoung: 0, referenced: 0, orphans: 0, deleted: 0, failed: 0, dryRun: input.dryRun === true };
    for (const prefix of IMAGE_PREFIXES) {
      let batch: string[] = [];
      for await (const { key, lastModified } of this.storage.list(`${prefix}/`)) {
        result.scanned++;
        if (lastModified.getTime() > before) result.tooYoung++;
        else batch.push(key);
        if (batch.length >= BATCH) batch = await this.sweep(batch, result);
      }
      await this.sweep(batch, result);
    }
    return result;
  }

  private async sweep(keys: string[], result: SweepResult): Promise<string[]> {
    if (!keys.length) return [];
    const kept = await this.references.referenced(keys);
    for (const key of keys.filter((k) => !kept.has(k))) {
      result.orphans++;
      if (result.dryRun) continue;
      try {
        await this.storage.delete(key);
        result.deleted++;
      } catch (error) {
        result.failed++;
        this.logger.warn({ err: error, key }, 'could not delete orphaned object; the next sweep tries again');
      }
    }
    result.referenced += kept.size;
    return [];
  }
}
