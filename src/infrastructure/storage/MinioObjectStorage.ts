import { Client } from 'minio';
import type { Clock } from '../../application/ports/Clock';
import type { ListedObject, ObjectStorage, ObjectStream, StoredObject } from '../../application/ports/ObjectStorage';
import { DependencyUnavailable } from '../../domain/shared/errors';
import { assertStorageKey, assertStoragePrefix } from './storageKey';

export interface S3Settings {
  endpoint: string;
  accessKey: string;
  secretKey: string;
  bucket: string;
  region: string;
  /** Base URL browsers reach the store at, when it differs from `endpoint` (signed for that host). */
  publicUrl: string | null;
}

function client(url: string, s: S3Settings): Client {
  const parsed = new URL(url);
  const useSSL = parsed.protocol === 'https:';
  return new Client({
    endPoint: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : useSSL ? 443 : 80,
    useSSL,
    accessKey: s.accessKey,
    secretKey: s.secretKey,
    // With the region given, presigning is pure computation (no bucket-location request).
    region: s.region,
    pathStyle: true,
  });
}

const notFound = (error: unknown): boolean => ['NoSuchKey', 'NotFound', 'NoSuchObject'].includes((error as { code?: string })?.code ?? '');

/** MinIO or any S3: objects in one bucket, created on first use; downloads by presigned GET URLs. */
export class MinioObjectStorage implements ObjectStorage {
  private readonly client: Client;
  private readonly signer: Client;
  private bucketReady: Promise<void> | null = null;

  constructor(private readonly settings: S3Settings, private readonly clock: Clock) {
    this.client = client(settings.endpoint, settings);
    this.signer = settings.publicUrl ? client(settings.publicUrl, settings) : this.client;
  }

  /** Creates the bucket when absent; remembered once it worked, retried after a failure. */
  ensureBucket(): Promise<void> {
    this.bucketReady ??= (async () => {
      const { bucket, region } = this.settings;
      if (!(await this.client.bucketExists(bucket))) {
        try {
          await this.client.makeBucket(bucket, region);
        } catch (error) {
          const code = (error as { code?: string }).code;
          if (code !== 'BucketAlreadyOwnedByYou' && code !== 'BucketAlreadyExists') throw error;
        }
      }
    })().catch((error) => {
      this.bucketReady = null;
      throw new DependencyUnavailable('object storage', `object storage unavailable: ${(error as Error).message}`);
    });
    return this.bucketReady;
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    await this.ensureBucket();
    await this.client.putObject(this.settings.bucket, assertStorageKey(key), bytes, bytes.length, { 'Content-Type': contentType });
  }

  async get(key: string): Promise<StoredObject | null> {
    const found = await this.stream(key);
    if (!found) return null;
    const chunks: Buffer[] = [];
    for await (const chunk of found.body) chunks.push(Buffer.from(chunk as Buffer));
    return { bytes: Buffer.concat(chunks), contentType: found.contentType };
  }

  async stream(key: string): Promise<ObjectStream | null> {
    await this.ensureBucket();
    try {
      const stat = await this.client.statObject(this.settings.bucket, assertStorageKey(key));
      const body = await this.client.getObject(this.settings.bucket, key);
      const meta = stat.metaData as Record<string, string>;
      return { body, contentType: meta['content-type'] ?? 'application/octet-stream', size: stat.size, etag: `"${stat.etag.replace(/"/g, '')}"` };
    } catch (error) {
      if (notFound(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.ensureBucket();
    await this.client.removeObject(this.settings.bucket, assertStorageKey(key));
  }

  async exists(key: string): Promise<boolean> {
    await this.ensureBucket();
    try {
      await this.client.statObject(this.settings.bucket, assertStorageKey(key));
      return true;
    } catch (error) {
      if (notFound(error)) return false;
      throw error;
    }
  }

  async *list(prefix: string): AsyncIterable<ListedObject> {
    await this.ensureBucket();
    const stream = this.client.listObjectsV2(this.settings.bucket, assertStoragePrefix(prefix), true);
    for await (const item of stream as AsyncIterable<{ name?: string; lastModified?: Date }>) {
      if (item.name) yield { key: item.name, lastModified: new Date(item.lastModified ?? 0) };
    }
  }

  /** The minio client signs for a given request date, so a fixed `issuedAt` gives the same URL every time. */
  async downloadUrl(key: string, ttlSeconds: number, issuedAt: Date = this.clock.now()): Promise<{ url: string; expiresAt: Date }> {
    const signedAt = new Date(Math.floor(issuedAt.getTime() / 1000) * 1000);
    const ttl = Math.min(7 * 24 * 3600, Math.max(1, Math.floor(ttlSeconds)));
    const url = await this.signer.presignedGetObject(this.settings.bucket, assertStorageKey(key), ttl, {}, signedAt);
    return { url, expiresAt: new Date(signedAt.getTime() + ttl * 1000) };
  }

  /** For `/ready`: the bucket answers. */
  async check(): Promise<void> {
    await this.client.bucketExists(this.settings.bucket);
  }
}
