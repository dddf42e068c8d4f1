import path from 'node:path';
import { ContainerModule } from 'inversify';
import { HealthCheck } from '../../application/ports/HealthCheck';
import { TOKENS } from '../../application/ports/tokens';
import { Config } from '../config/Config';
import { EmlFileMailer } from '../mail/EmlFileMailer';
import { NodemailerMailer } from '../mail/NodemailerMailer';
import { Resources } from './Resources';

/** SMTP when SMTP_URL is set, otherwise the `.eml` outbox in VAR_DIR/mail. */
export function mailModule(config: Config, resources: Resources): ContainerModule {
  return new ContainerModule(({ bind }) => {
    if (!config.mail.smtpUrl) {
      bind(TOKENS.Mailer).toConstantValue(new EmlFileMailer(path.join(config.varDir, 'mail'), config.mail.from));
      return;
    }
    const smtp = new NodemailerMailer(config.mail.smtpUrl, config.mail.from);
    resources.onShutdown('smtp', async () => smtp.close());
    bind(TOKENS.Mailer).toConstantValue(smtp);
    bind<HealthCheck>(TOKENS.HealthChecks).toConstantValue({ name: 'smtp', check: () => smtp.verify() });
  });
}
