import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Koa from 'koa';
import { LocalObjectStorage } from '../../src/infrastructure/storage/LocalObjectStorage';
import { MinioObjectStorage } from '../../src/infrastructure/storage/MinioObjectStorage';
import { SystemClock } from '../../src/infrastructure/system/SystemClock';
import { statusOf } from '../../src/interfaces/http/errorStatus';
import { filesRouter } from '../../src/interfaces/http/filesRouter';
import { FakeClock } from '../fakes/FakeClock';
import { InMemoryObjectStorage } from '../fakes/InMemoryObjectStorage';
import type { RunningS3} from '../support/s3rver';
import { startS3rver } from '../support/s3rver';
import { describeObjectStorageContract } from './ObjectStorage.contract';

const systemClock = new SystemClock();

async function follow(url: string) {
  const response = await fetch(url);
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, bytes: response.ok ? bytes : null, contentType: response.headers.get('content-type') };
}

describe('InMemoryObjectStorage', () => {
  describeObjectStorageContract('memory', async () => {
    const storage = new InMemoryObjectStorage();
    return {
      storage,
      follow: async (url) => {
        const found = await storage.open(url);
        return found ? { status: 200, bytes: found.bytes, contentType: found.contentType } : { status: 403, bytes: null, contentType: null };
      },
    };
  });
});

describe('LocalObjectStorage', () => {
  let root: string;
  let server: http.Server;
  let storage: LocalObjectStorage;

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'tourdesk-storage-'));
    const app = new Koa();
    // The app's error middleware, reduced to the status: the contract checks statuses.
    app.use(async (ctx, next) => {
      try {
        await next();
      } catch (error) {
        ctx.status = statusOf(error);
      }
    });
    // The router needs the storage, which needs the port: compose the app per request.
    server = http.createServer((req, res) => void app.callback()(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    storage = new LocalObjectStorage(root, `http://127.0.0.1:${port}`, 'k'.repeat(64), systemClock);
    const router = filesRouter(storage);
    app.use(router.routes());
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(root, { recursive: true, force: true });
  });

  describeObjectStorageContract('local directory', async () => ({ storage, follow }));

  test('files live under the root and nowhere else', async () => {
    await storage.put('tours/abc.png', Buffer.from('png'), 'image/png');
    expect(fs.readFileSync(path.join(root, 'objects', 'tours', 'abc.png'), 'utf8')).toBe('png');
  });

  test('a tampered, re-keyed or expired URL is refused with 403', async () => {
    await storage.put('tours/signed.png', Buffer.from('secret'), 'image/png');
    await storage.put('tours/other.png', Buffer.from('other'), 'image/png');
    const { url } = await storage.downloadUrl('tours/signed.png', 60);
    expect((await follow(url)).status).toBe(200);
    const signature = new URL(url).searchParams.get('signature')!;
    const flipped = signature.slice(0, -1) + (signature.endsWith('0') ? '1' : '0');
    expect((await follow(url.replace(signature, flipped))).status).toBe(403);
    expect((await follow(url.replace('tours/signed.png', 'tours/other.png'))).status).toBe(403);
    const later = String(Number(new URL(url).searchParams.get('expires')) + 3600);
    expect((await follow(url.replace(/expires=\d+/, `expires=${later}`))).status).toBe(403);
    expect((await follow(url.replace(/signature=[0-9a-f]+/, ''))).status).toBe(403);
    const expired = new LocalObjectStorage(root, new URL(url).origin, 'k'.repeat(64), new FakeClock(new Date(Date.now() - 3_600_000)));
    expect((await follow((await expired.downloadUrl('tours/signed.png', 60)).url)).status).toBe(403);
  });

  test('path traversal in the URL never reaches the file system', async () => {
    fs.writeFileSync(path.join(root, 'outside.txt'), 'do not serve');
    const { url } = await storage.downloadUrl('tours/signed.png', 60);
    const query = new URL(url).search;
    const origin = new URL(url).origin;
    for (const sneaky of ['/files/..%2Foutside.txt', '/files/tours/..%2F..%2Foutside.txt', '/files/%2e%2e/%2e%2e/outside.txt']) {
      const response = await follow(`${origin}${sneaky}${query}`);
      expect([403, 404]).toContain(response.status);
      expect(response.bytes).toBeNull();
    }
  });
});

describe('MinioObjectStorage (s3rver)', () => {
  let s3: RunningS3;
  let storage: MinioObjectStorage;

  beforeAll(async () => {
    s3 = await startS3rver();
    storage = new MinioObjectStorage(
      { endpoint: s3.endpoint, accessKey: s3.accessKey, secretKey: s3.secretKey, bucket: 'tourdesk-test', region: 'us-east-1', publicUrl: null },
      systemClock,
    );
  });

  afterAll(() => s3.stop());

  describeObjectStorageContract('minio', async () => ({ storage, follow }));

  test('creates its bucket when absent and answers the health check', async () => {
    const fresh = new MinioObjectStorage(
      { endpoint: s3.endpoint, accessKey: s3.accessKey, secretKey: s3.secretKey, bucket: 'created-on-first-use', region: 'us-east-1', publicUrl: null },
      systemClock,
    );
    await fresh.put('x/y.png', Buffer.from('y'), 'image/png');
    await expect(fresh.check()).resolves.toBeUndefined();
    expect((await fresh.get('x/y.png'))?.bytes.toString()).toBe('y');
  });

  test('presigned URLs are signed for the public URL when one is configured', async () => {
    const publicFacing = new MinioObjectStorage(
      { endpoint: s3.endpoint, accessKey: s3.accessKey, secretKey: s3.secretKey, bucket: 'tourdesk-test', region: 'us-east-1', publicUrl: 'https://cdn.example.com' },
      systemClock,
    );
    const { url } = await publicFacing.downloadUrl('tours/a.png', 60);
    expect(url).toMatch(/^https:\/\/cdn\.example\.com\/tourdesk-test\/tours\/a\.png\?/);
    expect(new URL(url).searchParams.get('X-Amz-Expires')).toBe('60');
  });

  test('an unreachable server is DependencyUnavailable, not a crash', async () => {
    const down = new MinioObjectStorage(
      { endpoint: 'http://127.0.0.1:9', accessKey: 'a', secretKey: 'b', bucket: 'nope', region: 'us-east-1', publicUrl: null },
      systemClock,
    );
    await expect(down.put('a/b.png', Buffer.from('x'), 'image/png')).rejects.toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE' });
  });
});
