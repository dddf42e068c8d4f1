export interface StoredObject {
  bytes: Buffer;
  contentType: string;
}

export interface ObjectStream {
  body: NodeJS.ReadableStream;
  contentType: string;
  size: number;
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
  /** A URL anyone holding it can download the object from until `expiresAt`. */
  downloadUrl(key: string, ttlSeconds: number): Promise<{ url: string; expiresAt: Date }>;
}
