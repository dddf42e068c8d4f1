import { ContainerModule } from 'inversify';
import { ChangePassword } from '../../application/auth/ChangePassword';
import { CheckSession } from '../../application/auth/CheckSession';
import { ForgotPassword } from '../../application/auth/ForgotPassword';
import { LoginThrottle } from '../../application/auth/LoginThrottle';
import { LoginUser } from '../../application/auth/LoginUser';
import { Logout } from '../../application/auth/Logout';
import { LogoutAll } from '../../application/auth/LogoutAll';
import { RefreshAccessToken } from '../../application/auth/RefreshAccessToken';
import { RegisterUser } from '../../application/auth/RegisterUser';
import { ResetPassword } from '../../application/auth/ResetPassword';
import { SessionTokens } from '../../application/auth/SessionTokens';
import { SetPassword } from '../../application/auth/SetPassword';
import { ImageUploads } from '../../application/catalogue/ImageUploads';
import { TOKENS as T } from '../../application/ports/tokens';
import { CreateAdmin } from '../../application/users/CreateAdmin';
import { EnsureSuperAdmin } from '../../application/users/EnsureSuperAdmin';
import { GetUser } from '../../application/users/GetUser';
import { ListUsers } from '../../application/users/ListUsers';
import { UpdateUser } from '../../application/users/UpdateUser';
import { Config } from '../config/Config';
import { Database } from '../persistence/Database';
import { TypeOrmPasswordResetRepository } from '../persistence/repositories/TypeOrmPasswordResetRepository';
import { TypeOrmSessionRepository } from '../persistence/repositories/TypeOrmSessionRepository';
import { TypeOrmUserRepository } from '../persistence/repositories/TypeOrmUserRepository';
import { Argon2PasswordHasher } from '../security/Argon2PasswordHasher';
import { HmacSecretTokens } from '../security/HmacSecretTokens';
import { JwtAccessTokens } from '../security/JwtAccessTokens';
import { ZxcvbnCommonPasswords } from '../security/ZxcvbnCommonPasswords';
import { single } from './bindings';

export function accountsModule(config: Config): ContainerModule {
  return new ContainerModule(({ bind }) => {
    single(bind, T.UserRepository, (c) => new TypeOrmUserRepository(c.get(Database)));
    single(bind, T.SessionRepository, (c) => new TypeOrmSessionRepository(c.get(Database)));
    single(bind, T.PasswordResetRepository, (c) => new TypeOrmPasswordResetRepository(c.get(Database)));
    single(bind, T.PasswordHasher, () => new Argon2PasswordHasher(undefined, { maxWaiting: config.passwordHashQueueLimit }));
    single(bind, T.CommonPasswords, () => new ZxcvbnCommonPasswords());
    single(bind, T.SecretTokens, () => new HmacSecretTokens(config.secrets.jwtRefresh));
    single(bind, T.AccessTokens, (c) => new JwtAccessTokens(config.secrets.jwtAccess, config.auth.accessTtlMs, c.get(T.Clock)));

    single(bind, SessionTokens, (c) =>
      new SessionTokens(c.get(T.SessionRepository), c.get(T.AccessTokens), c.get(T.SecretTokens), c.get(T.IdGenerator), c.get(T.Clock), config.auth.refreshTtlMs));
    single(bind, CheckSession, (c) => new CheckSession(c.get(T.SessionRepository), c.get(T.UserRepository), c.get(T.SessionStandingCache), c.get(T.Clock)));
    single(bind, LoginThrottle, (c) =>
      new LoginThrottle(c.get(T.RateLimiter), { perAddressAndEmail: config.rateLimits.loginPerEmail, windowMs: 15 * 60_000, lockAfter: config.rateLimits.loginLockAfter }, c.get(T.Logger)));
    single(bind, RegisterUser, (c) => new RegisterUser(c.get(T.UserRepository), c.get(T.PasswordHasher), c.get(T.IdGenerator), c.get(T.Clock), c.get(T.UnitOfWork), c.get(T.CommonPasswords)));
    single(bind, LoginUser, (c) => new LoginUser(c.get(T.UserRepository), c.get(T.PasswordHasher), c.get(SessionTokens), c.get(T.UnitOfWork), c.get(LoginThrottle)));
    single(bind, RefreshAccessToken, (c) =>
      new RefreshAccessToken(c.get(T.SessionRepository), c.get(T.UserRepository), c.get(T.SecretTokens), c.get(SessionTokens), c.get(T.UnitOfWork), c.get(T.Clock), c.get(T.SessionStandingCache)));
    single(bind, Logout, (c) => new Logout(c.get(T.SessionRepository), c.get(T.SecretTokens), c.get(T.UnitOfWork), c.get(T.Clock), c.get(T.SessionStandingCache)));
    single(bind, LogoutAll, (c) => new LogoutAll(c.get(T.SessionRepository), c.get(T.UnitOfWork), c.get(T.Clock), c.get(T.SessionStandingCache)));
    single(bind, ChangePassword, (c) =>
      new ChangePassword(
        c.get(T.UserRepository), c.get(T.SessionRepository), c.get(T.PasswordHasher), c.get(SessionTokens), c.get(T.UnitOfWork), c.get(T.Clock),
        c.get(T.RateLimiter), c.get(T.SessionStandingCache), c.get(T.CommonPasswords),
      ));
    single(bind, SetPassword, (c) => new SetPassword(c.get(T.UserRepository), c.get(T.PasswordHasher), c.get(T.UnitOfWork), c.get(T.Clock), c.get(T.CommonPasswords)));
    single(bind, ForgotPassword, (c) =>
      new ForgotPassword(
        c.get(T.UserRepository), c.get(T.PasswordResetRepository), c.get(T.SecretTokens), c.get(T.Mailer), c.get(T.TemplateRenderer),
        c.get(T.IdGenerator), c.get(T.Clock), c.get(T.UnitOfWork), c.get(T.Logger), config.frontendUrl, c.get(T.BackgroundTasks),
      ));
    single(bind, ResetPassword, (c) =>
      new ResetPassword(
        c.get(T.PasswordResetRepository), c.get(T.UserRepository), c.get(T.SessionRepository), c.get(T.SecretTokens), c.get(T.PasswordHasher), c.get(T.UnitOfWork), c.get(T.Clock),
        c.get(T.SessionStandingCache), c.get(T.CommonPasswords), c.get(LoginThrottle),
      ));

    single(bind, GetUser, (c) => new GetUser(c.get(T.UserRepository)));
    single(bind, ListUsers, (c) => new ListUsers(c.get(T.UserRepository)));
    single(bind, UpdateUser, (c) =>
      new UpdateUser(c.get(T.UserRepository), c.get(T.SessionRepository), c.get(T.SessionStandingCache), c.get(T.UnitOfWork), c.get(T.Clock), c.get(ImageUploads)));
    single(bind, CreateAdmin, (c) =>
      new CreateAdmin(c.get(T.UserRepository), c.get(T.PasswordHasher), c.get(T.IdGenerator), c.get(T.Clock), c.get(T.UnitOfWork), c.get(T.CommonPasswords)));
    single(bind, EnsureSuperAdmin, (c) => new EnsureSuperAdmin(c.get(T.UserRepository), c.get(CreateAdmin)));
  });
}
