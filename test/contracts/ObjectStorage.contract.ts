import { randomBytes } from 'node:crypto';
import type { ObjectStorage } from '../../src/application/ports/ObjectStorage';

export interface StorageUnderTest {
  storage: ObjectStorage;
  /** Follows a download URL the way a browser would. */
  follow(url: string): Promise<{ status: number; bytes: Buffer | null; contentType: string | null }>;
}

async function drain(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

/** What every ObjectStorage adapter must do; run against the fake and each real adapter. */
export function describeObjectStorageContract(name: string, make: () => Promise<StorageUnderTest>): void {
  describe(`ObjectStorage contract: ${name}`, () => {
    let subject: StorageUnderTest;
    let storage: ObjectStorage;
    // Each test works under its own prefix: real stores are shared between tests.
    let prefix: string;
    const key = (name: string) => `${prefix}/${name}`;

    beforeEach(async () => {
      subject = await make();
      storage = subject.storage;
      prefix = `contract-${randomBytes(4).toString('hex')}`;
    });

    test('put then get returns the same bytes and content type', async () => {
      const bytes = randomBytes(200_000);
      await storage.put(key('a.png'), bytes, 'image/png');
      const found = await storage.get(key('a.png'));
      expect(found?.contentType).toBe('image/png');
      expect(found?.bytes.equals(bytes)).toBe(true);
      expect(await storage.exists(key('a.png'))).toBe(true);
    });

    test('missing objects are null and false, not errors', async () => {
      expect(await storage.get(key('missing.png'))).toBeNull();
      expect(await storage.stream(key('missing.png'))).toBeNull();
      expect(await storage.exists(key('missing.png'))).toBe(false);
    });

    test('put replaces an existing object', async () => {
      await storage.put(key('b.jpg'), Buffer.from('first'), 'image/jpeg');
      await storage.put(key('b.jpg'), Buffer.from('second'), 'image/webp');
      const found = await storage.get(key('b.jpg'));
      expect(found?.bytes.toString()).toBe('second');
      expect(found?.contentType).toBe('image/webp');
    });

    test('stream gives the bytes, size and content type', async () => {
      const bytes = randomBytes(70_000);
      await storage.put(key('nested/deeper/c.webp'), bytes, 'image/webp');
      const found = await storage.stream(key('nested/deeper/c.webp'));
      expect(found).not.toBeNull();
      expect(found!.size).toBe(bytes.length);
      expect(found!.contentType).toBe('image/webp');
      expect((await drain(found!.body)).equals(bytes)).toBe(true);
    });

    test('delete removes the object; deleting a missing key succeeds', async () => {
      await storage.put(key('d.png'), Buffer.from('x'), 'image/png');
      await storage.delete(key('d.png'));
      expect(await storage.exists(key('d.png'))).toBe(false);
      expect(await storage.get(key('d.png'))).toBeNull();
      await expect(storage.delete(key('d.png'))).resolves.toBeUndefined();
    });

    test('a download URL serves the object and says when it expires', async () => {
      const bytes = randomBytes(5000);
      await storage.put(key('e.png'), bytes, 'image/png');
      const before = Date.now();
      const { url, expiresAt } = await storage.downloadUrl(key('e.png'), 600);
      expect(expiresAt.getTime()).toBeGreaterThanOrEqual(before + 600_000 - 1000);
      expect(expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 600_000 + 1000);
      const fetched = await subject.follow(url);
      expect(fetched.status).toBe(200);
      expect(fetched.bytes?.equals(bytes)).toBe(true);
      expect(fetched.contentType).toBe('image/png');
    });

    test('the same key, issue time and lifetime give the same URL, valid from then on; another issue time gives another URL', async () => {
      const bytes = randomBytes(3000);
      await storage.put(key('stable.png'), bytes, 'image/png');
      const issuedAt = new Date(Math.floor(Date.now() / 1000) * 1000 - 30 * 60_000);
      const first = await storage.downloadUrl(key('stable.png'), 3600, issuedAt);
      const again = await storage.downloadUrl(key('stable.png'), 3600, new Date(issuedAt.getTime() + 400));
      expect(again).toEqual(first);
      expect(first.expiresAt.getTime()).toBe(issuedAt.getTime() + 3600_000);
      const fetched = await subject.follow(first.url);
      expect(fetched.status).toBe(200);
      expect(fetched.bytes?.equals(bytes)).toBe(true);
      const later = await storage.downloadUrl(key('stable.png'), 3600, new Date(issuedAt.getTime() + 60_000));
      expect(later.url).not.toBe(first.url);
      expect(later.expiresAt.getTime()).toBe(first.expiresAt.getTime() + 60_000);
    });

    test('a URL whose lifetime ended before now serves nothing', async () => {
      await storage.put(key('old.png'), Buffer.from('old'), 'image/png');
      const { url } = await storage.downloadUrl(key('old.png'), 60, new Date(Date.now() - 3600_000));
      const fetched = await subject.follow(url);
      expect(fetched.status).toBeGreaterThanOrEqual(400);
      expect(fetched.bytes).toBeNull();
    });

    test('stream gives a quoted entity tag that changes with the bytes', async () => {
      await storage.put(key('tagged.png'), Buffer.from('first version'), 'image/png');
      const first = (await storage.stream(key('tagged.png')))!;
      await drain(first.body);
      expect(first.etag).toMatch(/^(W\/)?"[^"]+"$/);
      const same = (await storage.stream(key('tagged.png')))!;
      await drain(same.body);
      expect(same.etag).toBe(first.etag);
      await storage.put(key('tagged.png'), Buffer.from('second version'), 'image/png');
      const second = (await storage.stream(key('tagged.png')))!;
      await drain(second.body);
      expect(second.etag).not.toBe(first.etag);
    });

    test('list yields every object under a folder with its last-modified time, and nothing else', async () => {
      const before = Date.now();
      await storage.put(key('a.png'), Buffer.from('a'), 'image/png');
      await storage.put(key('nested/deeper/b.webp'), Buffer.from('b'), 'image/webp');
      await storage.put(`${prefix}x/beside.png`, Buffer.from('c'), 'image/png');
      await storage.put(key('gone.png'), Buffer.from('d'), 'image/png');
      await storage.delete(key('gone.png'));
      const listed = [];
      for await (const item of storage.list(`${prefix}/`)) listed.push(item);
      expect(listed.map((o) => o.key).sort()).toEqual([key('a.png'), key('nested/deeper/b.webp')]);
      for (const { lastModified } of listed) {
        // S3 keeps whole seconds; allow for that and for clock skew between the test and the store.
        expect(lastModified).toBeInstanceOf(Date);
        expect(Math.abs(lastModified.getTime() - before)).toBeLessThan(60_000);
      }
      const nested = [];
      for await (const item of storage.list(key('nested/'))) nested.push(item.key);
      expect(nested).toEqual([key('nested/deeper/b.webp')]);
      const none = [];
      for await (const item of storage.list(`${prefix}-empty/`)) none.push(item);
      expect(none).toEqual([]);
    });

    test('list refuses a prefix that is not a folder of ours', async () => {
      for (const bad of ['../', '/abs/', 'no-slash', '', 'a//']) {
        await expect((async () => {
          for await (const item of storage.list(bad)) void item;
        })()).rejects.toThrow();
      }
    });

    test('keys that could escape or confuse the store are refused', async () => {
      for (const bad of ['../outside.png', '/absolute.png', 'a//b.png', 'a/../../b.png', 'a\\b.png', 'spaced name.png', '']) {
        await expect(storage.put(bad, Buffer.from('x'), 'image/png')).rejects.toThrow();
        await expect(storage.downloadUrl(bad, 60)).rejects.toThrow();
      }
    });
  });
}
