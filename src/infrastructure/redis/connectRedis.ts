import Redis from 'ioredis';
import type { HealthCheck } from '../../application/ports/HealthCheck';
import type { Logger } from '../../application/ports/Logger';

/**
 * One shared client. Commands fail at once while Redis is away (no offline queue, one retry)
 * so requests answer 503 instead of hanging; the client keeps reconnecting in the background,
 * so service resumes without a restart. Start-up waits briefly for the first connection but
 * never fails on it: `/ready` reports Redis until it answers.
 */
export async function connectRedis(url: string, logger: Logger, waitMs = 2000): Promise<Redis> {
  const redis = new Redis(url, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectTimeout: 2000,
    disconnectTimeout: 200,
    commandTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  let connected = false;
  let reported = false;
  redis.on('ready', () => {
    connected = true;
    reported = false;
    logger.info({}, 'redis connected');
  });
  redis.on('error', (error) => {
    if (reported) return;
    reported = true;
    logger.warn({ err: error }, connected ? 'redis connection lost; reconnecting' : 'redis unreachable; retrying in the background');
  });
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, waitMs).unref();
    redis.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return redis;
}

export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status === 'ready') await redis.quit().catch(() => redis.disconnect());
  else redis.disconnect();
}

/** `/ready`'s check: while the client is reconnecting it says so, rather than ioredis's "Stream isn't writeable". */
export function redisHealth(redis: Redis): HealthCheck {
  return {
    name: 'redis',
    async check() {
      if (redis.status !== 'ready') throw new Error(`not connected (${redis.status})`);
      await redis.ping();
    },
  };
}
