import type { ListedObject, ObjectStorage, ObjectStream, StoredObject } from '../../src/application/ports/ObjectStorage';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { assertStorageKey, assertStoragePrefix } from '../../src/infrastructure/storage/storageKey';

/** Objects in a Map; download URLs are `memory://<key>?expires=<ms>`. */
export class InMemoryObjectStorage implements ObjectStorage {
  readonly objects = new Map<string, StoredObject>();
  private readonly modified = new Map<string, Date>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    this.objects.set(assertStorageKey(key), { bytes: Buffer.from(bytes), contentType });
    this.modified.set(key, this.now());
  }

  async get(key: string): Promise<StoredObject | null> {
    const found = this.objects.get(key);
    return found ? { bytes: Buffer.from(found.bytes), contentType: found.contentType } : null;
  }

  async stream(key: string): Promise<ObjectStream | null> {
    const found = this.objects.get(key);
    if (!found) return null;
    const etag = `"${createHash('sha256').update(found.bytes).digest('hex').slice(0, 32)}"`;
    return { body: Readable.from([found.bytes]), contentType: found.contentType, size: found.bytes.length, etag };
  }

  async delete(key: string): Promise<void> {
    this.objects.delete(key);
    this.modified.delete(key);
  }

  async *list(prefix: string): AsyncIterable<ListedObject> {
    assertStoragePrefix(prefix);
    for (const key of [...this.objects.keys()].filter((k) => k.startsWith(prefix))) {
      yield { key, lastModified: new Date(this.modified.get(key)!.getTime()) };
    }
  }

  async exists(key: string): Promise<boolean> {
    return this.objects.has(key);
  }

  async downloadUrl(key: string, ttlSeconds: number, issuedAt: Date = this.now()): Promise<{ url: string; expiresAt: Date }> {
    assertStorageKey(key);
    const expiresAt = new Date(Math.floor(issuedAt.getTime() / 1000) * 1000 + ttlSeconds * 1000);
    return { url: `memory://${key}?expires=${expiresAt.getTime()}`, expiresAt };
  }

  /** What a client following `url` gets: the object while the URL is unexpired, else null. */
  async open(url: string): Promise<StoredObject | null> {
    const match = /^memory:\/\/([^?]+)\?expires=(\d+)$/.exec(url);
    if (!match || Number(match[2]) <= this.now().getTime()) return null;
    return this.get(match[1]);
  }
}
