import { Email } from '../../domain/user/Email';
import type { BackgroundTasks } from '../ports/BackgroundTasks';
import type { Clock } from '../ports/Clock';
import type { IdGenerator } from '../ports/IdGenerator';
import type { Logger } from '../ports/Logger';
import type { Mailer } from '../ports/Mailer';
import type { PasswordResetRepository } from '../ports/PasswordResetRepository';
import type { SecretTokens } from '../ports/SecretTokens';
import type { TemplateRenderer } from '../ports/TemplateRenderer';
import type { UnitOfWork } from '../ports/UnitOfWork';
import type { UserRepository } from '../ports/UserRepository';

export const RESET_TOKEN_TTL_MS = 10 * 60_000;

/**
 * Mails a single-use reset link. Answers the same whether or not the email is registered; how often
 * one address may be sent links is limited where the request arrives, counting unknown emails alike.
 */
export class ForgotPassword {
  constructor(
    private readonly users: UserRepository,
    private readonly resets: PasswordResetRepository,
    private readonly secrets: SecretTokens,
    private readonly mailer: Mailer,
    private readonly templates: TemplateRenderer,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly uow: UnitOfWork,
    private readonly logger: Logger,
    private readonly frontendUrl: string,
    private readonly background: BackgroundTasks,
  ) {}

  async execute(input: { email: string }): Promise<void> {
    const user = await this.users.findByEmail(Email.create(input.email).value);
    if (!user || user.isDeleted || user.status === 'BLOCKED') return;
    const token = this.secrets.generate();
    const now = this.clock.now();
    // Only the newest link works: one that leaked from an older mail is void from now on.
    await this.uow.run(async () => {
      await this.resets.voidAllOfUser(user.id, now);
      await this.resets.create({ id: this.ids.next(), userId: user.id, tokenHash: this.secrets.hash(token), createdAt: now, expiresAt: new Date(now.getTime() + RESET_TOKEN_TTL_MS) });
    });
    const link = `${this.frontendUrl}/reset-password?id=${encodeURIComponent(user.id)}&token=${encodeURIComponent(token)}`;
    // After the answer: waiting for SMTP only for registered emails would show in the response time.
    this.background.run('password reset mail', async () => {
      try {
        const mail = this.templates.email('password-reset', { name: user.name, link, expiresInMinutes: RESET_TOKEN_TTL_MS / 60_000 });
        await this.mailer.send({ to: user.email.value, ...mail });
      } catch (error) {
        this.logger.error({ err: error, userId: user.id }, 'password reset mail failed');
      }
    });
  }
}
