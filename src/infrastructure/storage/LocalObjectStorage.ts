import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Clock } from '../../application/ports/Clock';
import type { ListedObject, ObjectStorage, ObjectStream, StoredObject } from '../../application/ports/ObjectStorage';
import { assertStorageKey, assertStoragePrefix, isStorageKey } from './storageKey';
import { PRIVATE_DIR, PRIVATE_FILE } from '../system/privateFiles';

export const LOCAL_FILES_PATH = '/files';

const TEMP_FILE = /\.[0-9a-f]{12}\.tmp$/;

interface Meta {
  contentType: string;
  /** SHA-256 of the bytes, cut to 32 hex digits; absent on objects stored before it was recorded. */
  digest?: string;
}

/**
 * The embedded default: objects as files under `root/objects`, content types beside them
 * under `root/meta`. Download URLs point at the app (`/files/<key>`) and carry an expiry and
 * an HMAC-SHA256 signature over key and expiry, checked by `verify` before anything is served.
 */
export class LocalObjectStorage implements ObjectStorage {
  /** Where the app serves the signed links this store hands out. */
  readonly urlPath = LOCAL_FILES_PATH;
  private readonly objects: string;
  private readonly meta: string;

  constructor(root: string, private readonly publicUrl: string, private readonly signingKey: string, private readonly clock: Clock) {
    this.objects = path.resolve(root, 'objects');
    this.meta = path.resolve(root, 'meta');
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    const file = this.fileOf(key);
    const metaFile = this.metaOf(key);
    await fs.mkdir(path.dirname(file), { recursive: true, mode: PRIVATE_DIR });
    await fs.mkdir(path.dirname(metaFile), { recursive: true, mode: PRIVATE_DIR });
    // Write-then-rename: a reader never sees half an object.
    const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    await fs.writeFile(temp, bytes, { mode: PRIVATE_FILE });
    const digest = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
    await fs.writeFile(metaFile, JSON.stringify({ contentType, digest } satisfies Meta), { mode: PRIVATE_FILE });
    await fs.rename(temp, file);
  }

  async get(key: string): Promise<StoredObject | null> {
    try {
      const [bytes, meta] = await Promise.all([fs.readFile(this.fileOf(key)), this.readMeta(key)]);
      return { bytes, contentType: meta.contentType };
    } catch (error) {
      if (missing(error)) return null;
      throw error;
    }
  }

  async stream(key: string): Promise<ObjectStream | null> {
    try {
      const file = this.fileOf(key);
      const [stat, meta] = await Promise.all([fs.stat(file), this.readMeta(key)]);
      // Objects stored before digests were recorded get a weak tag from their size and modification time.
      const etag = meta.digest ? `"${meta.digest}"` : `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
      return { body: createReadStream(file), contentType: meta.contentType, size: stat.size, etag };
    } catch (error) {
      if (missing(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.fileOf(key), { force: true });
    await fs.rm(this.metaOf(key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await fs.stat(this.fileOf(key))).isFile();
    } catch (error) {
      if (missing(error)) return false;
      throw error;
    }
  }

  /** Walks the folder; the file's mtime is its last modification. Half-written `.tmp` files are not objects. */
  async *list(prefix: string): AsyncIterable<ListedObject> {
    const folder = inside(this.objects, assertStoragePrefix(prefix).slice(0, -1));
    const pending = [folder];
    while (pending.length) {
      const dir = pending.pop()!;
      let entries;
      try {
        entries = await fs.readdir(dir, { withFileTypes: true });
      } catch (error) {
        if (missing(error)) continue;
        throw error;
      }
      for (const entry of entries) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) pending.push(file);
        else if (entry.isFile() && !TEMP_FILE.test(entry.name)) {
          const key = path.relative(this.objects, file).split(path.sep).join('/');
          if (!isStorageKey(key)) continue;
          try {
            yield { key, lastModified: new Date((await fs.stat(file)).mtimeMs) };
          } catch (error) {
            if (!missing(error)) throw error;
          }
        }
      }
    }
  }

  async downloadUrl(key: string, ttlSeconds: number, issuedAt: Date = this.clock.now()): Promise<{ url: string; expiresAt: Date }> {
    assertStorageKey(key);
    const expires = Math.floor(issuedAt.getTime() / 1000) + Math.max(1, Math.floor(ttlSeconds));
    const url = `${this.publicUrl}${LOCAL_FILES_PATH}/${key}?expires=${expires}&signature=${this.sign(key, expires)}`;
    return { url, expiresAt: new Date(expires * 1000) };
  }

  /** Whether a download URL's parts are genuine and unexpired. Never throws on hostile input. */
  verify(key: string, expires: string, signature: string): boolean {
    if (!isStorageKey(key) || !/^\d{1,12}$/.test(expires) || !/^[0-9a-f]{64}$/.test(signature)) return false;
    if (Number(expires) * 1000 <= this.clock.now().getTime()) return false;
    return timingSafeEqual(Buffer.from(this.sign(key, Number(expires)), 'hex'), Buffer.from(signature, 'hex'));
  }

  private sign(key: string, expires: number): string {
    return createHmac('sha256', this.signingKey).update(`GET\n${key}\n${expires}`).digest('hex');
  }

  private async readMeta(key: string): Promise<Meta> {
    return JSON.parse(await fs.readFile(this.metaOf(key), 'utf8')) as Meta;
  }

  private fileOf(key: string): string {
    return inside(this.objects, assertStorageKey(key));
  }

  private metaOf(key: string): string {
    return `${inside(this.meta, assertStorageKey(key))}.json`;
  }
}

/** Resolves `key` under `root` and refuses to leave it, whatever the key holds. */
function inside(root: string, key: string): string {
  const resolved = path.resolve(root, key);
  if (!resolved.startsWith(root + path.sep)) throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
  return resolved;
}

function missing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
