import type Redis from 'ioredis';
import type { SessionStanding, SessionStandingCache } from '../../application/ports/SessionStandingCache';
import type { Role } from '../../domain/user/Role';
import { ROLES } from '../../domain/user/Role';
import { RedisScript, onRedis } from './RedisScript';

/** KEYS: entry, the user's generation; ARGV: `user|active|role`, ttl ms. The entry is stamped with the generation it was read under. */
const REMEMBER = new RedisScript(`
local generation = redis.call('GET', KEYS[2]) or '0'
redis.call('SET', KEYS[1], generation .. '|' .. ARGV[1], 'PX', ARGV[2])
return 1`);

/** Generations outlive every entry stamped with them (entries live seconds). */
const GENERATION_TTL_MS = 3_600_000;

/**
 * Standings shared by every API process: one short-lived string per session, stamped with the
 * user's generation; `forgetUser` increments the generation, so all of the user's entries stop
 * matching at once without Redis having to know which sessions the user has.
 */
export class IoredisSessionStandingCache implements SessionStandingCache {
  constructor(private readonly redis: Redis, private readonly prefix = 'tourdesk:') {}

  async recall(userId: string, sessionId: string): Promise<SessionStanding | null> {
    const [entry, generation] = await onRedis(() => this.redis.mget(this.entryKey(sessionId), this.generationKey(userId)));
    if (!entry) return null;
    const [stamped, owner, active, role] = entry.split('|');
    if (stamped !== (generation ?? '0') || owner !== userId) return null;
    return { active: active === '1', role: ROLES.includes(role as Role) ? (role as Role) : null };
  }

  /** Everything lives in Redis: nothing is held in this process (a memo in front of it holds). */
  known(): SessionStanding | null {
    return null;
  }

  async remember(userId: string, sessionId: string, standing: SessionStanding, ttlMs: number): Promise<void> {
    const value = `${userId}|${standing.active ? '1' : '0'}|${standing.role ?? ''}`;
    await REMEMBER.run(this.redis, [this.entryKey(sessionId), this.generationKey(userId)], [value, Math.max(1, Math.ceil(ttlMs))]);
  }

  async forgetUser(userId: string): Promise<void> {
    await onRedis(() => this.redis.multi().incr(this.generationKey(userId)).pexpire(this.generationKey(userId), GENERATION_TTL_MS).exec());
  }

  private entryKey(sessionId: string): string {
    return `${this.prefix}standing:session:${sessionId}`;
  }

  private generationKey(userId: string): string {
    return `${this.prefix}standing:user:${userId}`;
  }
}
