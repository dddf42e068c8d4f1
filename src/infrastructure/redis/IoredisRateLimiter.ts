import type Redis from 'ioredis';
import type { RateDecision, RateLimiter } from '../../application/ports/RateLimiter';
import { RedisScript, onRedis } from './RedisScript';

/** KEYS[1] counter; ARGV[1] window ms. Returns {hits, ms left}; the window starts with its first hit. */
const HIT = new RedisScript(`
local hits = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if hits == 1 or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {hits, ttl}`);

/** Fixed windows shared by every API process: one counter per key under `<prefix>rate:`, expiring with its window. */
export class IoredisRateLimiter implements RateLimiter {
  constructor(private readonly redis: Redis, private readonly prefix = 'tourdesk:') {}

  async hit(key: string, limit: number, windowMs: number): Promise<RateDecision> {
    const [hits, msLeft] = (await HIT.run(this.redis, [`${this.prefix}rate:${key}`], [Math.max(1, Math.ceil(windowMs))])) as [number, number];
    if (hits <= limit) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(msLeft / 1000)) };
  }

  async peek(key: string, limit: number): Promise<RateDecision> {
    const counter = `${this.prefix}rate:${key}`;
    const [[, hits], [, msLeft]] = (await onRedis(() => this.redis.multi().get(counter).pttl(counter).exec())) as [[unknown, string | null], [unknown, number]];
    if (Number(hits ?? 0) < limit || msLeft <= 0) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(msLeft / 1000)) };
  }

  async reset(key: string): Promise<void> {
    await onRedis(() => this.redis.del(`${this.prefix}rate:${key}`));
  }
}
