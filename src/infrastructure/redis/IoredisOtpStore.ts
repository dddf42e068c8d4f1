import type Redis from 'ioredis';
import type { OtpStore, OtpVerdict } from '../../application/ports/OtpStore';
import type { OtpCodeHasher } from '../security/OtpCodeHasher';
import { RedisScript } from './RedisScript';

/** KEYS[1] code hash; ARGV: hash, ttl ms. A new code replaces the old one and its tries. */
const SAVE = new RedisScript(`
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'hash', ARGV[1], 'tries', 0)
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`);

/** KEYS[1] code hash; ARGV: hash of the guess, max tries. */
const VERIFY = new RedisScript(`
local stored = redis.call('HGET', KEYS[1], 'hash')
if not stored then return 'absent' end
if stored == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return 'verified'
end
local tries = redis.call('HINCRBY', KEYS[1], 'tries', 1)
if tries >= tonumber(ARGV[2]) then
  redis.call('DEL', KEYS[1])
  return 'burned'
end
return 'wrong'`);

/** One hash per email under `<prefix>otp:`, holding only the keyed hash and the wrong tries; it expires with the code. */
export class IoredisOtpStore implements OtpStore {
  constructor(private readonly redis: Redis, private readonly hasher: OtpCodeHasher, private readonly prefix = 'tourdesk:') {}

  async save(email: string, code: string, ttlMs: number): Promise<void> {
    await SAVE.run(this.redis, [this.key(email)], [this.hasher.hash(email, code), Math.max(1, Math.ceil(ttlMs))]);
  }

  async verify(email: string, code: string, maxTries: number): Promise<OtpVerdict> {
    return (await VERIFY.run(this.redis, [this.key(email)], [this.hasher.hash(email, code), maxTries])) as OtpVerdict;
  }

  private key(email: string): string {
    return `${this.prefix}otp:${email}`;
  }
}
