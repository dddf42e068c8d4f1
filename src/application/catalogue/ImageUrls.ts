import type { Clock } from '../ports/Clock';
import type { ObjectStorage } from '../ports/ObjectStorage';

export interface ImageUrlPolicy {
  /** A URL handed out stays valid at least this long. */
  ttlSeconds: number;
  /**
   * URLs are signed as of the start of the current window of this length, so one image keeps one URL
   * for the whole window and browsers cache it; each URL then lives `ttlSeconds` plus up to one window.
   */
  windowSeconds: number;
}

/** Turns stored keys into download URLs; values that already are URLs (a Google picture) pass through. */
export class ImageUrls {
  constructor(private readonly storage: ObjectStorage, private readonly clock: Clock, private readonly policy: ImageUrlPolicy) {}

  async urls(keys: (string | null)[]): Promise<Map<string, string>> {
    const unique = [...new Set(keys.filter((k): k is string => Boolean(k)))];
    const windowMs = this.policy.windowSeconds * 1000;
    const issuedAt = new Date(Math.floor(this.clock.now().getTime() / windowMs) * windowMs);
    const ttl = this.policy.ttlSeconds + this.policy.windowSeconds;
    const entries = await Promise.all(
      unique.map(async (key) => [key, /^https?:\/\//.test(key) ? key : (await this.storage.downloadUrl(key, ttl, issuedAt)).url] as const),
    );
    return new Map(entries);
  }

  async url(key: string | null): Promise<string | null> {
    return key ? ((await this.urls([key])).get(key) ?? null) : null;
  }
}
