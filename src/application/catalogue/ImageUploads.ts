import { assertImage, assertImageSize, imageExtension } from '../../domain/catalogue/ImageUpload';
import type { IdGenerator } from '../ports/IdGenerator';
import type { Logger } from '../ports/Logger';
import type { ObjectStorage } from '../ports/ObjectStorage';
import type { IncomingFile } from '../shared/IncomingFile';

/** The storage folders images are kept under; `SweepOrphanImages` sweeps exactly these. */
export const IMAGE_PREFIXES = ['tours', 'divisions', 'users'] as const;
export type ImagePrefix = (typeof IMAGE_PREFIXES)[number];

/**
 * Images go to storage before the database commit and come back out if it fails; images a
 * commit replaced are removed after it. Keys are random, never the client's file name.
 */
export class ImageUploads {
  constructor(private readonly storage: ObjectStorage, private readonly ids: IdGenerator, private readonly logger: Logger) {}

  /** Checks every file first (size, then magic bytes), then stores them all or none. `field` names them in errors. */
  async store(files: IncomingFile[], prefix: ImagePrefix, field: 'file' | 'files'): Promise<string[]> {
    const path = (i: number) => (field === 'file' ? 'file' : `files[${i}]`);
    files.forEach((file, i) => assertImageSize(file.name, file.size, path(i)));
    const images = [];
    for (const [i, file] of files.entries()) {
      const bytes = await file.read();
      images.push({ bytes, type: assertImage(file.name, bytes, path(i)) });
    }
    const stored: string[] = [];
    try {
      for (const image of images) {
        const key = `${prefix}/${this.ids.next()}.${imageExtension(image.type)}`;
        await this.storage.put(key, image.bytes, image.type);
        stored.push(key);
      }
    } catch (error) {
      await this.discard(stored);
      throw error;
    }
    return stored;
  }

  /** Runs `work` (the transaction) with the stored keys; removes them again when it throws. */
  async storeThen<T>(files: IncomingFile[], prefix: ImagePrefix, field: 'file' | 'files', work: (keys: string[]) => Promise<T>): Promise<T> {
    const keys = await this.store(files, prefix, field);
    try {
      return await work(keys);
    } catch (error) {
      await this.discard(keys);
      throw error;
    }
  }

  /** Best effort: a failed delete leaves an orphan, logged here and removed later by `SweepOrphanImages`. */
  async discard(keys: (string | null | undefined)[]): Promise<void> {
    for (const key of keys) {
      if (!key || /^https?:\/\//.test(key)) continue;
      try {
        await this.storage.delete(key);
      } catch (error) {
        this.logger.warn({ err: error, key }, 'could not delete stored object; it is now an orphan');
      }
    }
  }
}
