import path from 'node:path';
import type { HealthCheck } from '../../application/ports/HealthCheck';
import type { Mailer } from '../../application/ports/Mailer';
import type { Ports } from '../../application/ports/Ports';
import { EmlFileMailer } from '../mail/EmlFileMailer';
import { NodemailerMailer } from '../mail/NodemailerMailer';
import { MemoizedSessionStandingCache } from '../memory/MemoizedSessionStandingCache';
import { MemoryOtpStore } from '../memory/MemoryOtpStore';
import { MemoryRateLimiter } from '../memory/MemoryRateLimiter';
import { MemorySessionStandingCache } from '../memory/MemorySessionStandingCache';
import { MeteredMailer } from '../metrics/MeteredMailer';
import { GoogleOidcProvider } from '../oidc/GoogleOidcProvider';
import { TypeOrmPasswordResetRepository } from '../persistence/repositories/TypeOrmPasswordResetRepository';
import { TypeOrmSessionRepository } from '../persistence/repositories/TypeOrmSessionRepository';
import { TypeOrmUserRepository } from '../persistence/repositories/TypeOrmUserRepository';
import { SqlDataVersion, USERS } from '../persistence/dataVersions';
import { IoredisOtpStore } from '../redis/IoredisOtpStore';
import { IoredisRateLimiter } from '../redis/IoredisRateLimiter';
import { IoredisSessionStandingCache } from '../redis/IoredisSessionStandingCache';
import { Argon2PasswordHasher } from '../security/Argon2PasswordHasher';
import { HmacSecretTokens } from '../security/HmacSecretTokens';
import { JwtAccessTokens } from '../security/JwtAccessTokens';
import { OtpCodeHasher } from '../security/OtpCodeHasher';
import { ZxcvbnCommonPasswords } from '../security/ZxcvbnCommonPasswords';
import type { Infrastructure } from './Infrastructure';
import type { Factories } from './lazy';

type AccountPorts = Pick<
  Ports,
  | 'passwordHasher' | 'commonPasswords' | 'accessTokens' | 'secretTokens' | 'userRepository' | 'usersVersion' | 'sessionRepository' | 'passwordResetRepository'
  | 'sessionStandingCache' | 'otpStore' | 'rateLimiter' | 'identityProvider' | 'mailer'
>;

/** SMTP when SMTP_URL is set, otherwise the `.eml` outbox in VAR_DIR/mail; made at once, as the SMTP check needs it. */
export function mailAdapter({ config, resources }: Infrastructure): { mailer: Mailer; health: HealthCheck | null } {
  if (!config.mail.smtpUrl) return { mailer: new EmlFileMailer(path.join(config.varDir, 'mail'), config.mail.from), health: null };
  const smtp = new NodemailerMailer(config.mail.smtpUrl, config.mail.from);
  resources.onShutdown('smtp', () => Promise.resolve(smtp.close()));
  return { mailer: smtp, health: { name: 'smtp', check: () => smtp.verify() } };
}

/**
 * Accounts, sessions and mail. Codes, rate limits and session standings live in Redis when REDIS_URL
 * is set (shared by every process), else in this process. Google sign-in only when configured.
 */
export function accountPorts(infrastructure: Infrastructure, mailer: Mailer): Factories<AccountPorts, Ports> {
  const { config, database, redis, prometheus } = infrastructure;
  const otpHasher = new OtpCodeHasher(config.secrets.otpHashKey);
  const google = config.google;
  return {
    passwordHasher: () => new Argon2PasswordHasher(undefined, { maxWaiting: config.passwordHashQueueLimit }),
    commonPasswords: () => new ZxcvbnCommonPasswords(),
    accessTokens: (ports) => new JwtAccessTokens(config.secrets.jwtAccess, config.auth.accessTtlMs, ports.clock),
    secretTokens: () => new HmacSecretTokens(config.secrets.jwtRefresh),
    userRepository: () => new TypeOrmUserRepository(database),
    usersVersion: (ports) => new SqlDataVersion(database, USERS, ports.clock),
    sessionRepository: () => new TypeOrmSessionRepository(database),
    passwordResetRepository: () => new TypeOrmPasswordResetRepository(database),
    sessionStandingCache: (ports) =>
      (redis ? new MemoizedSessionStandingCache(new IoredisSessionStandingCache(redis), ports.clock) : new MemorySessionStandingCache(ports.clock)),
    otpStore: (ports) => (redis ? new IoredisOtpStore(redis, otpHasher) : new MemoryOtpStore(ports.clock, otpHasher)),
    rateLimiter: (ports) => (redis ? new IoredisRateLimiter(redis) : new MemoryRateLimiter(ports.clock)),
    identityProvider: (ports) =>
      (google ? new GoogleOidcProvider({ issuer: google.issuerUrl, clientId: google.clientId, clientSecret: google.clientSecret }, ports.clock) : null),
    // Metrics as a decorator: no adapter or use case knows it is measured.
    mailer: () => new MeteredMailer(mailer, prometheus),
  };
}
