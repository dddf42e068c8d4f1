import type { Context } from 'koa';
import type { Logger } from '../../application/ports/Logger';
import type { RateLimiter } from '../../application/ports/RateLimiter';
import { DependencyUnavailable, RateLimited } from '../../domain/shared/errors';
import type { RateLimitRule, RouteInput } from './route';

export type RateLimitGuard = (rules: RateLimitRule[], input: RouteInput, ctx: Context) => Promise<void>;

/** Counts the request against each rule of its route; the first one exceeded answers 429. */
export function rateLimitGuard(limiter: RateLimiter, logger: Logger): RateLimitGuard {
  return async (rules, input, ctx) => {
    for (const rule of rules) {
      const key = `${rule.bucket}:${rule.by ? `by:${rule.by(input)}` : `ip:${ctx.ip}`}`;
      let decision;
      try {
        decision = await limiter.hit(key, rule.limit, rule.windowMs);
      } catch (error) {
        if (!(error instanceof DependencyUnavailable) || rule.whenUnavailable !== 'allow') throw error;
        logger.warn({ err: error, bucket: rule.bucket }, 'rate limit skipped: limiter unavailable');
        continue;
      }
      if (!decision.allowed) throw new RateLimited(decision.retryAfterSeconds);
    }
  };
}
