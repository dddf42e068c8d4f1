import path from 'node:path';
import { ContainerModule } from 'inversify';
import { TOKENS } from '../../application/ports/tokens';
import { Config } from '../config/Config';
import { EmlFileMailer } from '../mail/EmlFileMailer';
import { single } from './bindings';

export function mailModule(config: Config): ContainerModule {
  return new ContainerModule(({ bind }) => {
    single(bind, TOKENS.Mailer, () => new EmlFileMailer(path.join(config.varDir, 'mail'), config.mail.from));
  });
}
