import { ContainerModule } from 'inversify';
import { SessionTokens } from '../../application/auth/SessionTokens';
import { SignInWithGoogle } from '../../application/auth/SignInWithGoogle';
import { StartGoogleSignIn } from '../../application/auth/StartGoogleSignIn';
import { TOKENS as T } from '../../application/ports/tokens';
import { Config } from '../config/Config';
import { GoogleOidcProvider } from '../oidc/GoogleOidcProvider';
import { single } from './bindings';

export function googleSignInAdapterName(config: Config): string {
  return config.google ? `OpenID Connect (${config.google.issuerUrl})` : 'none (GOOGLE_CLIENT_ID/SECRET unset: /auth/google answers 404)';
}

/** Binds nothing unless GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET are set; the routes check the same config. */
export function googleSignInModule(config: Config): ContainerModule {
  return new ContainerModule(({ bind }) => {
    const google = config.google;
    if (!google) return;
    single(bind, T.IdentityProvider, (c) =>
      new GoogleOidcProvider({ issuer: google.issuerUrl, clientId: google.clientId, clientSecret: google.clientSecret }, c.get(T.Clock)));
    single(bind, StartGoogleSignIn, (c) => new StartGoogleSignIn(c.get(T.IdentityProvider), c.get(T.SecretTokens)));
    single(bind, SignInWithGoogle, (c) =>
      new SignInWithGoogle(c.get(T.IdentityProvider), c.get(T.UserRepository), c.get(SessionTokens), c.get(T.IdGenerator), c.get(T.Clock), c.get(T.UnitOfWork)));
  });
}
