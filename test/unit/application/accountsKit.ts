import path from 'node:path';
import { ChangePassword } from '../../../src/application/auth/ChangePassword';
import { CheckSession } from '../../../src/application/auth/CheckSession';
import { ForgotPassword } from '../../../src/application/auth/ForgotPassword';
import { LoginThrottle } from '../../../src/application/auth/LoginThrottle';
import { LoginUser } from '../../../src/application/auth/LoginUser';
import { Logout } from '../../../src/application/auth/Logout';
import { LogoutAll } from '../../../src/application/auth/LogoutAll';
import { RefreshAccessToken } from '../../../src/application/auth/RefreshAccessToken';
import { RegisterUser } from '../../../src/application/auth/RegisterUser';
import { ResetPassword } from '../../../src/application/auth/ResetPassword';
import { SessionTokens } from '../../../src/application/auth/SessionTokens';
import { SetPassword } from '../../../src/application/auth/SetPassword';
import { CreateAdmin } from '../../../src/application/users/CreateAdmin';
import { EnsureSuperAdmin } from '../../../src/application/users/EnsureSuperAdmin';
import { GetUser } from '../../../src/application/users/GetUser';
import { ListUsers } from '../../../src/application/users/ListUsers';
import { UpdateUser } from '../../../src/application/users/UpdateUser';
import type { User } from '../../../src/domain/user/User';
import { HmacSecretTokens } from '../../../src/infrastructure/security/HmacSecretTokens';
import { MemoryRateLimiter } from '../../../src/infrastructure/memory/MemoryRateLimiter';
import { JwtAccessTokens } from '../../../src/infrastructure/security/JwtAccessTokens';
import { HandlebarsTemplateRenderer } from '../../../src/infrastructure/templates/HandlebarsTemplateRenderer';
import { FakeClock } from '../../fakes/FakeClock';
import { FakePasswordHasher } from '../../fakes/FakePasswordHasher';
import { ImmediateBackgroundTasks } from '../../fakes/ImmediateBackgroundTasks';
import { InMemoryMailer } from '../../fakes/InMemoryMailer';
import { InMemorySessionStandingCache } from '../../fakes/InMemorySessionStandingCache';
import { ListedCommonPasswords } from '../../fakes/ListedCommonPasswords';
import { InMemoryPasswordResetRepository } from '../../fakes/InMemoryPasswordResetRepository';
import { InMemorySessionRepository } from '../../fakes/InMemorySessionRepository';
import { InMemoryUnitOfWork } from '../../fakes/InMemoryUnitOfWork';
import { InMemoryUserRepository } from '../../fakes/InMemoryUserRepository';
import { RecordingLogger } from '../../fakes/RecordingLogger';
import { SequentialIds } from '../../fakes/SequentialIds';

export const ACCESS_TTL_MS = 15 * 60_000;
export const REFRESH_TTL_MS = 30 * 24 * 3_600_000;
export const FRONTEND_URL = 'https://app.example.com';
const TEMPLATES = path.join(__dirname, '../../../templates');

/** The accounts use cases wired on fakes (real JWT, HMAC and handlebars: they are pure). */
export function accountsKit() {
  const clock = new FakeClock();
  const ids = new SequentialIds();
  const users = new InMemoryUserRepository();
  const sessions = new InMemorySessionRepository();
  const resets = new InMemoryPasswordResetRepository();
  const uow = new InMemoryUnitOfWork();
  const hasher = new FakePasswordHasher();
  const secrets = new HmacSecretTokens('test-refresh-key-0123456789abcdef0123456789');
  const accessTokens = new JwtAccessTokens('test-access-key-0123456789abcdef0123456789', ACCESS_TTL_MS, clock);
  const mailer = new InMemoryMailer();
  const logger = new RecordingLogger();
  const templates = new HandlebarsTemplateRenderer(TEMPLATES, { brandName: 'TourDesk' });
  const tokens = new SessionTokens(sessions, accessTokens, secrets, ids, clock, REFRESH_TTL_MS);
  const common = new ListedCommonPasswords();
  const createAdmin = new CreateAdmin(users, hasher, ids, clock, uow, common);
  const background = new ImmediateBackgroundTasks();
  const limiter = new MemoryRateLimiter(clock);
  const standings = new InMemorySessionStandingCache(clock);
  const throttle = new LoginThrottle(limiter, { perAddressAndEmail: 5, windowMs: 15 * 60_000, lockAfter: 100 }, logger);

  return {
    clock, ids, users, sessions, resets, uow, hasher, secrets, accessTokens, mailer, logger, templates, tokens, background, limiter, standings,
    register: new RegisterUser(users, hasher, ids, clock, uow, common),
    login: new LoginUser(users, hasher, tokens, uow, throttle),
    checkSession: new CheckSession(sessions, users, standings, clock),
    refresh: new RefreshAccessToken(sessions, users, secrets, tokens, uow, clock, standings),
    logout: new Logout(sessions, secrets, uow, clock, standings),
    logoutAll: new LogoutAll(sessions, uow, clock, standings),
    changePassword: new ChangePassword(users, sessions, hasher, tokens, uow, clock, limiter, standings, common),
    setPassword: new SetPassword(users, hasher, uow, clock, common),
    /** Resolves once the reset link is mailed too (the mail itself runs in the background). */
    forgotPassword: background.settling(new ForgotPassword(users, resets, secrets, mailer, templates, ids, clock, uow, logger, FRONTEND_URL, background)),
    resetPassword: new ResetPassword(resets, users, sessions, secrets, hasher, uow, clock, standings, common, throttle),
    getUser: new GetUser(users),
    listUsers: new ListUsers(users),
    updateUser: new UpdateUser(users, sessions, standings, uow, clock),
    createAdmin,
    ensureSuperAdmin: new EnsureSuperAdmin(users, createAdmin),

    /** Stores users as they are given (mothers build them). */
    async given(...list: User[]): Promise<void> {
      for (const user of list) await users.save(user);
    },

    /** Session rows of one user that can still be refreshed. */
    liveSessions(userId: string) {
      return sessions.all().filter((s) => s.userId === userId && !s.revokedAt && !s.rotatedAt);
    },
  };
}

export type AccountsKit = ReturnType<typeof accountsKit>;

/** The reset token out of the link in a password-reset mail. */
export function resetLinkParams(text: string): { id: string; token: string } {
  const match = /reset-password\?id=([^&\s]+)&token=([A-Za-z0-9_%-]+)/.exec(text);
  if (!match) throw new Error(`no reset link in: ${text}`);
  return { id: decodeURIComponent(match[1]), token: decodeURIComponent(match[2]) };
}
