import path from 'node:path';
import { SendVerificationCode } from '../../../../src/application/verification/SendVerificationCode';
import { VerifyEmail } from '../../../../src/application/verification/VerifyEmail';
import type { User } from '../../../../src/domain/user/User';
import { MemoryOtpStore } from '../../../../src/infrastructure/memory/MemoryOtpStore';
import { MemoryRateLimiter } from '../../../../src/infrastructure/memory/MemoryRateLimiter';
import { OtpCodeHasher } from '../../../../src/infrastructure/security/OtpCodeHasher';
import { HandlebarsTemplateRenderer } from '../../../../src/infrastructure/templates/HandlebarsTemplateRenderer';
import { FakeClock } from '../../../fakes/FakeClock';
import { ImmediateBackgroundTasks } from '../../../fakes/ImmediateBackgroundTasks';
import { InMemoryMailer } from '../../../fakes/InMemoryMailer';
import { InMemoryUnitOfWork } from '../../../fakes/InMemoryUnitOfWork';
import { InMemoryUserRepository } from '../../../fakes/InMemoryUserRepository';
import { RecordingLogger } from '../../../fakes/RecordingLogger';
import { SequentialCodes } from '../../../fakes/SequentialCodes';

const TEMPLATES = path.join(__dirname, '../../../../templates');

/**
 * The verification use cases on fakes. The in-process OtpStore and RateLimiter on a fake clock
 * are the fakes: they pass the same contract suites as the Redis adapters.
 */
export function verificationKit(options: { resendCooldownMs?: number } = {}) {
  const clock = new FakeClock();
  const users = new InMemoryUserRepository();
  const uow = new InMemoryUnitOfWork();
  const otps = new MemoryOtpStore(clock, new OtpCodeHasher('test-otp-key-0123456789abcdef0123456789abcdef'));
  const limiter = new MemoryRateLimiter(clock);
  const codes = new SequentialCodes();
  const mailer = new InMemoryMailer();
  const logger = new RecordingLogger();
  const templates = new HandlebarsTemplateRenderer(TEMPLATES, { brandName: 'TourDesk' });
  const background = new ImmediateBackgroundTasks();
  return {
    clock, users, uow, otps, limiter, codes, mailer, logger, background,
    /** Resolves once the code is mailed too (the mail itself runs in the background). */
    sendCode: background.settling(new SendVerificationCode(users, otps, limiter, codes, mailer, templates, logger, background, options.resendCooldownMs)),
    verifyEmail: new VerifyEmail(otps, users, uow, clock),
    async given(...list: User[]): Promise<void> {
      for (const user of list) await users.save(user);
    },
    /** The six digits in the newest mail's text part. */
    lastCode(): string {
      const match = /\b(\d{6})\b/.exec(mailer.last()?.text ?? '');
      if (!match) throw new Error('no code mailed');
      return match[1];
    },
  };
}
