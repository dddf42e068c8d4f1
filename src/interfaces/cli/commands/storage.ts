import type { Command } from 'commander';
import { DEFAULT_SWEEP_GRACE_MS, MIN_SWEEP_GRACE_MS } from '../../../application/catalogue/SweepOrphanImages';
import type { UseCases } from '../../../application/UseCases';
import { DependencyUnavailable } from '../../../domain/shared/errors';
import { durationOption } from '../durationOption';
import { println } from '../output';
import type { Open } from '../types';

/** `storage sweep`: removes stored images nothing references (the worker also does this hourly). */
export interface StorageDependencies {
  useCases: Pick<UseCases, 'sweepOrphanImages'>;
}

export function register(program: Command, open: Open<StorageDependencies>): void {
  const storage = program.command('storage').description('Object storage (images of tours, divisions and users)');

  storage
    .command('sweep')
    .description('Delete stored images no tour, division or user references, older than the grace period')
    .option('--grace <duration>', 'leave objects younger than this alone, e.g. 1h, 90m, 2d (default 1h)')
    .option('--dry-run', 'only count what would be deleted')
    .action(async (options: { grace?: string; dryRun?: boolean }, command: Command) => {
      // Checked before the runtime opens, so a typo never touches storage.
      const graceMs = options.grace === undefined ? DEFAULT_SWEEP_GRACE_MS : durationOption('--grace', options.grace, { examples: '1h, 90m or 2d', min: { ms: MIN_SWEEP_GRACE_MS, label: '1m' } });
      const { useCases } = await open();
      const r = await useCases.sweepOrphanImages.execute({ graceMs, dryRun: options.dryRun === true });
      const verdict = r.dryRun ? `${r.orphans} orphaned image(s) would be deleted (dry run)` : `${r.deleted} orphaned image(s) deleted`;
      println(command, `${verdict}; ${r.scanned} scanned, ${r.referenced} referenced, ${r.tooYoung} younger than ${options.grace?.trim() ?? '1h'}${r.failed ? `, ${r.failed} failed to delete` : ''}`);
      if (r.failed) throw new DependencyUnavailable('object storage', `${r.failed} orphaned image(s) could not be deleted`);
    });
}
