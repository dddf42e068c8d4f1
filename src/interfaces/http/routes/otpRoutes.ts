import Joi from 'joi';
import { SendVerificationCode } from '../../../application/verification/SendVerificationCode';
import { VerifyEmail } from '../../../application/verification/VerifyEmail';
import { Runtime } from '../../../infrastructure/container/buildContainer';
import { RateLimitRule, RouteDef } from '../route';

const email = Joi.string().email({ tlds: { allow: false } }).max(254).required();
/** Existing clients send the code as a string; a number is accepted and keeps its leading zeros. */
const otp = Joi.alternatives()
  .try(Joi.string().trim().max(12), Joi.number().integer().min(0).max(999_999).custom((n: number) => String(n).padStart(6, '0')))
  .required();

export function otpRoutes({ container, config }: Runtime): RouteDef[] {
  const sendCode = container.get(SendVerificationCode);
  const verifyEmail = container.get(VerifyEmail);
  const perClient: RateLimitRule[] = [{ bucket: 'otp', limit: config.rateLimits.otpPerMinute, windowMs: 60_000 }];
  const tag = 'Email verification';

  return [
    {
      method: 'post', path: '/otp/send', tag, access: 'public', rateLimit: perClient,
      summary: 'Email a new verification code (answers the same for unknown and verified emails); at most 1 per OTP_RESEND_COOLDOWN_SECONDS (60 s unless set) and 5 an hour',
      request: { body: Joi.object({ email, name: Joi.string().trim().max(120) }) },
      async handler({ body }) {
        await sendCode.execute({ email: body.email });
        return { message: 'If the account exists and is unverified, a code was sent', data: null };
      },
    },
    {
      method: 'post', path: '/otp/verify', tag, access: 'public', rateLimit: perClient,
      summary: 'Verify the email with its code; a wrong, expired or burned code is `Invalid or expired code`',
      request: { body: Joi.object({ email, otp }) },
      async handler({ body }) {
        await verifyEmail.execute({ email: body.email, otp: body.otp });
        return { message: 'Email verified successfully', data: null };
      },
    },
  ];
}
