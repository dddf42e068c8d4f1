import { ObjectStorage } from '../ports/ObjectStorage';

/** Turns stored keys into download URLs; values that already are URLs (a Google picture) pass through. */
export class ImageUrls {
  constructor(private readonly storage: ObjectStorage, private readonly ttlSeconds: number) {}

  async urls(keys: (string | null)[]): Promise<Map<string, string>> {
    const unique = [...new Set(keys.filter((k): k is string => Boolean(k)))];
    const entries = await Promise.all(
      unique.map(async (key) => [key, /^https?:\/\//.test(key) ? key : (await this.storage.downloadUrl(key, this.ttlSeconds)).url] as const),
    );
    return new Map(entries);
  }

  async url(key: string | null): Promise<string | null> {
    return key ? ((await this.urls([key])).get(key) ?? null) : null;
  }
}
