import { createHash } from 'node:crypto';
import type Redis from 'ioredis';
import { DependencyUnavailable } from '../../domain/shared/errors';

/** A Lua script run by its SHA (EVALSHA), loaded on first NOSCRIPT. Redis runs it atomically. */
export class RedisScript {
  private readonly sha: string;

  constructor(private readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  async run(redis: Redis, keys: string[], args: (string | number)[]): Promise<unknown> {
    return onRedis(async () => {
      try {
        return await redis.evalsha(this.sha, keys.length, ...keys, ...args);
      } catch (error) {
        if (!String((error as Error).message).startsWith('NOSCRIPT')) throw error;
        return redis.eval(this.source, keys.length, ...keys, ...args);
      }
    });
  }
}

/** Any failure to reach Redis (down, not yet reconnected, timed out) is one typed error; the detail stays in `cause`, for the log. */
export async function onRedis<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw Object.assign(new DependencyUnavailable('redis'), { cause: error });
  }
}
