import { DependencyUnavailable, RateLimited } from '../../domain/shared/errors';
import { Email } from '../../domain/user/Email';
import { ONE_TIME_CODE } from '../../domain/user/OneTimeCode';
import type { User } from '../../domain/user/User';
import type { BackgroundTasks } from '../ports/BackgroundTasks';
import type { CodeGenerator } from '../ports/CodeGenerator';
import type { Logger } from '../ports/Logger';
import type { Mailer } from '../ports/Mailer';
import type { OtpStore } from '../ports/OtpStore';
import type { RateLimiter } from '../ports/RateLimiter';
import type { TemplateRenderer } from '../ports/TemplateRenderer';
import type { UserRepository } from '../ports/UserRepository';

export interface SendVerificationCodeInput {
  email: string;
  /**
   * The code registration sends by itself. A limit or an outage must not fail the new account (it
   * is logged), and it counts toward the hourly limit only: front ends written for the original API
   * ask for a code themselves right after registering, and that request must not meet a cooldown.
   */
  onRegistration?: boolean;
}

/**
 * Mails a fresh code to an existing, unverified account. Limits count every email alike and
 * nothing else differs in the outcome, so callers cannot tell which emails are registered.
 */
export class SendVerificationCode {
  constructor(
    private readonly users: UserRepository,
    private readonly otps: OtpStore,
    private readonly limiter: RateLimiter,
    private readonly codes: CodeGenerator,
    private readonly mailer: Mailer,
    private readonly templates: TemplateRenderer,
    private readonly logger: Logger,
    private readonly background: BackgroundTasks,
    private readonly resendCooldownMs: number = ONE_TIME_CODE.defaultResendCooldownMs,
  ) {}

  async execute(input: SendVerificationCodeInput): Promise<void> {
    const email = Email.create(input.email).value;
    try {
      await this.countSend(email, input.onRegistration ?? false);
      const user = await this.users.findByEmail(email);
      if (!user || user.isVerified || user.isDeleted) return;
      const code = this.codes.sixDigits();
      await this.otps.save(email, code, ONE_TIME_CODE.ttlMs);
      this.background.run('verification mail', () => this.mail(user, code));
    } catch (error) {
      if (!input.onRegistration || !(error instanceof RateLimited || error instanceof DependencyUnavailable)) throw error;
      this.logger.warn({ err: error }, 'verification code not sent');
    }
  }

  private async countSend(email: string, onRegistration: boolean): Promise<void> {
    // The cooldown is checked first: a request it refuses must not use up the hourly allowance.
    const rules: { key: string; limit: number; windowMs: number }[] = [{ key: `otp-send:hour:${email}`, limit: ONE_TIME_CODE.hourlySendLimit, windowMs: 60 * 60_000 }];
    if (!onRegistration && this.resendCooldownMs > 0) rules.unshift({ key: `otp-send:cooldown:${email}`, limit: 1, windowMs: this.resendCooldownMs });
    for (const rule of rules) {
      const decision = await this.limiter.hit(rule.key, rule.limit, rule.windowMs);
      if (!decision.allowed) throw new RateLimited(decision.retryAfterSeconds, 'Too many codes requested, try again later');
    }
  }

  /**
   * Runs after the answer: waiting for SMTP only when the account exists would let the response time
   * tell which emails are registered. A mail outage is logged; the code can be requested again.
   */
  private async mail(user: User, code: string): Promise<void> {
    try {
      const content = this.templates.email('verification-code', { name: user.name, code, expiresInMinutes: ONE_TIME_CODE.ttlMs / 60_000 });
      await this.mailer.send({ to: user.email.value, ...content });
    } catch (error) {
      this.logger.error({ err: error, userId: user.id }, 'verification code mail failed');
    }
  }
}
