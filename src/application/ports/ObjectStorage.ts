export interface StoredObject {
  bytes: Buffer;
  contentType: string;
}

/** One stored object as a listing sees it. */
export interface ListedObject {
  key: string;
  lastModified: Date;
}

export interface ObjectStream {
  body: NodeJS.ReadableStream;
  contentType: string;
  size: number;
  /** A quoted HTTP entity tag that changes whenever the object's bytes do. */
  etag: string;
}

/**
 * Blobs by key (`tours/<random>.png`). Keys are ours, never a client's file name: letters,
 * digits, `-`, `_`, `.`, and `/` between segments. Missing objects are `null`/`false`,
 * `delete` of a missing key succeeds.
 */
export interface ObjectStorage {
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<StoredObject | null>;
  stream(key: string): Promise<ObjectStream | null>;
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /**
   * Every object whose key lies under the folder `prefix` (`tours/`: a key prefix ending in `/`),
   * in no particular order. Objects put or deleted while listing may or may not appear.
   */
  list(prefix: string): AsyncIterable<ListedObject>;
  /**
   * A URL anyone holding it can download the object from until `expiresAt`: `ttlSeconds` after
   * `issuedAt` (default now, whole seconds). The same key, issue time and lifetime always give the
   * same URL, so a caller that rounds `issuedAt` down hands out one cacheable URL per time window.
   */
  downloadUrl(key: string, ttlSeconds: number, issuedAt?: Date): Promise<{ url: string; expiresAt: Date }>;
}
