import { ChangePassword } from '../../application/auth/ChangePassword';
import { CheckSession } from '../../application/auth/CheckSession';
import { ForgotPassword } from '../../application/auth/ForgotPassword';
import { LoginUser } from '../../application/auth/LoginUser';
import { Logout } from '../../application/auth/Logout';
import { LogoutAll } from '../../application/auth/LogoutAll';
import { RefreshAccessToken } from '../../application/auth/RefreshAccessToken';
import { RegisterUser } from '../../application/auth/RegisterUser';
import { ResetPassword } from '../../application/auth/ResetPassword';
import { SetPassword } from '../../application/auth/SetPassword';
import { SignInWithGoogle } from '../../application/auth/SignInWithGoogle';
import { StartGoogleSignIn } from '../../application/auth/StartGoogleSignIn';
import type { Ports } from '../../application/ports/Ports';
import type { UseCases } from '../../application/UseCases';
import { CreateAdmin } from '../../application/users/CreateAdmin';
import { EnsureSuperAdmin } from '../../application/users/EnsureSuperAdmin';
import { GetUser } from '../../application/users/GetUser';
import { ListUsers } from '../../application/users/ListUsers';
import { UpdateUser } from '../../application/users/UpdateUser';
import { SendVerificationCode } from '../../application/verification/SendVerificationCode';
import { VerifyEmail } from '../../application/verification/VerifyEmail';
import type { Config } from '../config/Config';
import type { Factories } from './lazy';
import type { Services } from './services';

type AccountUseCases = Pick<
  UseCases,
  | 'registerUser' | 'loginUser' | 'checkSession' | 'refreshAccessToken' | 'logout' | 'logoutAll' | 'changePassword' | 'setPassword'
  | 'forgotPassword' | 'resetPassword' | 'googleSignIn' | 'sendVerificationCode' | 'verifyEmail'
  | 'getUser' | 'listUsers' | 'updateUser' | 'createAdmin' | 'ensureSuperAdmin'
>;

export function accountUseCases(config: Config, p: Ports, s: Services): Factories<AccountUseCases, UseCases> {
  return {
    registerUser: () => new RegisterUser(p.userRepository, p.passwordHasher, p.idGenerator, p.clock, p.unitOfWork, p.commonPasswords),
    loginUser: () => new LoginUser(p.userRepository, p.passwordHasher, s.sessionTokens, p.unitOfWork, s.loginThrottle),
    checkSession: () => new CheckSession(p.sessionRepository, p.userRepository, p.sessionStandingCache, p.clock),
    refreshAccessToken: () =>
      new RefreshAccessToken(p.sessionRepository, p.userRepository, p.secretTokens, s.sessionTokens, p.unitOfWork, p.clock, p.sessionStandingCache),
    logout: () => new Logout(p.sessionRepository, p.secretTokens, p.unitOfWork, p.clock, p.sessionStandingCache),
    logoutAll: () => new LogoutAll(p.sessionRepository, p.unitOfWork, p.clock, p.sessionStandingCache),
    changePassword: () =>
      new ChangePassword(
        p.userRepository, p.sessionRepository, p.passwordHasher, s.sessionTokens, p.unitOfWork, p.clock, p.rateLimiter, p.sessionStandingCache, p.commonPasswords,
      ),
    setPassword: () => new SetPassword(p.userRepository, p.passwordHasher, p.unitOfWork, p.clock, p.commonPasswords),
    forgotPassword: () =>
      new ForgotPassword(
        p.userRepository, p.passwordResetRepository, p.secretTokens, p.mailer, p.templateRenderer, p.idGenerator, p.clock, p.unitOfWork, p.logger,
        config.frontendUrl, p.backgroundTasks,
      ),
    resetPassword: () =>
      new ResetPassword(
        p.passwordResetRepository, p.userRepository, p.sessionRepository, p.secretTokens, p.passwordHasher, p.unitOfWork, p.clock,
        p.sessionStandingCache, p.commonPasswords, s.loginThrottle,
      ),
    googleSignIn: () => {
      const provider = p.identityProvider;
      if (!provider) return null;
      return {
        start: new StartGoogleSignIn(provider, p.secretTokens),
        finish: new SignInWithGoogle(provider, p.userRepository, s.sessionTokens, p.idGenerator, p.clock, p.unitOfWork),
      };
    },
    sendVerificationCode: () =>
      new SendVerificationCode(
        p.userRepository, p.otpStore, p.rateLimiter, p.codeGenerator, p.mailer, p.templateRenderer, p.logger, p.backgroundTasks,
        config.otpResendCooldownSeconds * 1000,
      ),
    verifyEmail: () => new VerifyEmail(p.otpStore, p.userRepository, p.unitOfWork, p.clock),
    getUser: () => new GetUser(p.userRepository),
    listUsers: () => new ListUsers(p.userRepository),
    updateUser: () => new UpdateUser(p.userRepository, p.sessionRepository, p.sessionStandingCache, p.unitOfWork, p.clock, s.imageUploads),
    createAdmin: () => new CreateAdmin(p.userRepository, p.passwordHasher, p.idGenerator, p.clock, p.unitOfWork, p.commonPasswords),
    ensureSuperAdmin: (u) => new EnsureSuperAdmin(p.userRepository, u.createAdmin),
  };
}
