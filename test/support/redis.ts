import type Redis from 'ioredis';
import { closeRedis, connectRedis } from '../../src/infrastructure/redis/connectRedis';
import { RecordingLogger } from '../fakes/RecordingLogger';
import { realService, redisKeyPrefix } from './services';

/**
 * Inside a describe block: one client to the harness's Redis for the block, and a key prefix of
 * its own whose keys are deleted afterwards, so parallel test files never see each other's keys.
 */
export function useTestRedis(): { redis(): Redis; prefix: string } {
  let client: Redis | null = null;
  const prefix = `tourdesk:${redisKeyPrefix()}`;
  beforeAll(async () => {
    client = await connectRedis(realService('redis')!, new RecordingLogger());
  });
  afterAll(async () => {
    if (!client) return;
    const keys = await client.keys(`${prefix}*`);
    if (keys.length) await client.del(...keys);
    await closeRedis(client);
  });
  return {
    prefix,
    redis() {
      if (!client) throw new Error('the test Redis client is not connected yet');
      return client;
    },
  };
}
