import Joi from 'joi';
import type { UseCases } from '../../../application/UseCases';
import type { HttpSettings } from '../HttpSettings';
import type { RateLimitRule, RouteDef } from '../route';
import { route } from '../route';
import { as, object, required } from '../schema';

const email = required(Joi.string().email({ tlds: { allow: false } }).max(254));
/** Existing clients send the code as a string; a number is accepted and keeps its leading zeros. */
const otp = required(as<string>(Joi.alternatives()
  .try(Joi.string().trim().max(12), Joi.number().integer().min(0).max(999_999).custom((n: number) => String(n).padStart(6, '0')))));

export interface OtpRoutesDependencies {
  useCases: Pick<UseCases, 'sendVerificationCode' | 'verifyEmail'>;
  settings: Pick<HttpSettings, 'rateLimits'>;
}

export function otpRoutes({ useCases, settings }: OtpRoutesDependencies): RouteDef[] {
  const { sendVerificationCode, verifyEmail } = useCases;
  const perClient: RateLimitRule<unknown>[] = [{ bucket: 'otp', limit: settings.rateLimits.otpPerMinute, windowMs: 60_000 }];
  const tag = 'Email verification';

  return [
    route({
      method: 'post', path: '/otp/send', tag, access: 'public', rateLimit: perClient,
      summary: 'Email a new verification code (answers the same for unknown and verified emails); at most 1 per OTP_RESEND_COOLDOWN_SECONDS (60 s unless set) and 5 an hour',
      request: { body: object({ email, name: Joi.string().trim().max(120) }) },
      async handler({ body }) {
        await sendVerificationCode.execute({ email: body.email });
        return { message: 'If the account exists and is unverified, a code was sent', data: null };
      },
    }),
    route({
      method: 'post', path: '/otp/verify', tag, access: 'public', rateLimit: perClient,
      summary: 'Verify the email with its code; a wrong, expired or burned code is `Invalid or expired code`',
      request: { body: object({ email, otp }) },
      async handler({ body }) {
        await verifyEmail.execute({ email: body.email, otp: body.otp });
        return { message: 'Email verified successfully', data: null };
      },
    }),
  ];
}
