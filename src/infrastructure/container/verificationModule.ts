import { ContainerModule } from 'inversify';
import type Redis from 'ioredis';
import { HealthCheck } from '../../application/ports/HealthCheck';
import { Logger } from '../../application/ports/Logger';
import { TOKENS as T } from '../../application/ports/tokens';
import { SendVerificationCode } from '../../application/verification/SendVerificationCode';
import { VerifyEmail } from '../../application/verification/VerifyEmail';
import { Config } from '../config/Config';
import { MemoryOtpStore } from '../memory/MemoryOtpStore';
import { MemoryRateLimiter } from '../memory/MemoryRateLimiter';
import { IoredisOtpStore } from '../redis/IoredisOtpStore';
import { IoredisRateLimiter } from '../redis/IoredisRateLimiter';
import { IoredisSessionStandingCache } from '../redis/IoredisSessionStandingCache';
import { MemoizedSessionStandingCache } from '../memory/MemoizedSessionStandingCache';
import { MemorySessionStandingCache } from '../memory/MemorySessionStandingCache';
import { closeRedis, connectRedis } from '../redis/connectRedis';
import { CryptoCodeGenerator } from '../security/CryptoCodeGenerator';
import { OtpCodeHasher } from '../security/OtpCodeHasher';
import { Resources } from './Resources';
import { single } from './bindings';

export function verificationAdapters(config: Config): Record<string, string> {
  const adapter = config.redisUrl ? 'Redis (ioredis)' : 'in-process memory';
  return { otpStore: adapter, rateLimiter: adapter, sessionStandingCache: config.redisUrl ? 'Redis (ioredis) behind a 1 s in-process memo' : adapter };
}

/** Codes, rate limits and session standings live in Redis when REDIS_URL is set (shared by every process), else in this process. */
export async function verificationModule(config: Config, logger: Logger, resources: Resources): Promise<ContainerModule> {
  let redis: Redis | null = null;
  if (config.redisUrl) {
    redis = await connectRedis(config.redisUrl, logger);
    const client = redis;
    resources.onShutdown('redis', () => closeRedis(client));
  }
  const hasher = new OtpCodeHasher(config.secrets.otpHashKey);

  return new ContainerModule(({ bind }) => {
    if (redis) {
      const client = redis;
      single(bind, T.OtpStore, () => new IoredisOtpStore(client, hasher));
      single(bind, T.RateLimiter, () => new IoredisRateLimiter(client));
      single(bind, T.SessionStandingCache, (c) => new MemoizedSessionStandingCache(new IoredisSessionStandingCache(client), c.get(T.Clock)));
      bind<HealthCheck>(T.HealthChecks).toConstantValue({ name: 'redis', check: async () => void (await client.ping()) });
    } else {
      single(bind, T.OtpStore, (c) => new MemoryOtpStore(c.get(T.Clock), hasher));
      single(bind, T.RateLimiter, (c) => new MemoryRateLimiter(c.get(T.Clock)));
      single(bind, T.SessionStandingCache, (c) => new MemorySessionStandingCache(c.get(T.Clock)));
    }
    single(bind, T.CodeGenerator, () => new CryptoCodeGenerator());
    single(bind, SendVerificationCode, (c) =>
      new SendVerificationCode(
        c.get(T.UserRepository), c.get(T.OtpStore), c.get(T.RateLimiter), c.get(T.CodeGenerator), c.get(T.Mailer), c.get(T.TemplateRenderer), c.get(T.Logger), c.get(T.BackgroundTasks),
        config.otpResendCooldownSeconds * 1000,
      ));
    single(bind, VerifyEmail, (c) => new VerifyEmail(c.get(T.OtpStore), c.get(T.UserRepository), c.get(T.UnitOfWork), c.get(T.Clock)));
  });
}
