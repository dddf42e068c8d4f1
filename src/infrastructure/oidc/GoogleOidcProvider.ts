import { createHash } from 'node:crypto';
import type { JWTPayload, JWTVerifyGetKey } from 'jose';
import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import type { Clock } from '../../application/ports/Clock';
import type { AuthorizationRequest, IdentityProvider, VerifiedIdentity } from '../../application/ports/IdentityProvider';
import { DependencyUnavailable, Unauthenticated } from '../../domain/shared/errors';

export const GOOGLE_ISSUER = 'https://accounts.google.com';

export interface OidcSettings {
  /** Discovery is read from `${issuer}/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  timeoutMs?: number;
}

interface Provider {
  authorization_endpoint: string;
  token_endpoint: string;
  keys: JWTVerifyGetKey;
}

/** Skew allowed between our clock and the provider's on `exp`/`nbf`. */
const CLOCK_TOLERANCE_S = 30;
/** An unknown `kid` refetches the key set, but not more often than this. */
const JWKS_REFETCH_COOLDOWN_MS = 10_000;
/** The `users.googleId` column. */
const SUBJECT_MAX = 64;
/** jose's errors that mean the key set could not be had (down, slow, nonsense), not that the token is bad. */
const KEY_SET_UNAVAILABLE = new Set([errors.JOSEError.code, errors.JWKSTimeout.code, errors.JWKSInvalid.code]);

const rejected = (why: string) => new Unauthenticated(`Google sign-in failed: ${why}`, 'AUTH.GOOGLE_ID_TOKEN_INVALID');
const unavailable = (why: string) => new DependencyUnavailable('identity provider', why);

/**
 * OpenID Connect authorization-code flow with PKCE (S256) against Google, or any provider
 * whose discovery document lives under `issuer`. The code is redeemed with client_secret_post;
 * the ID token is verified by jose against the provider's JWKS (RS256 only), which jose caches
 * and refetches when a token names a key it does not know (key rotation).
 */
export class GoogleOidcProvider implements IdentityProvider {
  private provider: Promise<Provider> | null = null;

  constructor(private readonly settings: OidcSettings, private readonly clock: Clock) {}

  async authorizationUrl(request: AuthorizationRequest): Promise<string> {
    const url = new URL((await this.discover()).authorization_endpoint);
    const params = {
      response_type: 'code',
      client_id: this.settings.clientId,
      redirect_uri: request.redirectUri,
      scope: 'openid email profile',
      state: request.state,
      nonce: request.nonce,
      code_challenge: createHash('sha256').update(request.codeVerifier).digest('base64url'),
      code_challenge_method: 'S256',
    };
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    return url.toString();
  }

  async exchange(grant: { code: string; codeVerifier: string; redirectUri: string; nonce: string }): Promise<VerifiedIdentity> {
    const { token_endpoint } = await this.discover();
    const form = new URLSearchParams({
      grant_type: 'authorization_code',
      code: grant.code,
      redirect_uri: grant.redirectUri,
      client_id: this.settings.clientId,
      client_secret: this.settings.clientSecret,
      code_verifier: grant.codeVerifier,
    });
    const { status, body } = await this.fetchJson(token_endpoint, { method: 'POST', body: form }, 'token endpoint');
    if (status >= 400) {
      const error = typeof body?.error === 'string' ? body.error.slice(0, 64) : String(status);
      // Our credentials are wrong: a configuration problem, not the user's.
      if (status === 401 || error === 'invalid_client' || error === 'unauthorized_client') {
        throw unavailable(`The identity provider refused our client credentials (${error})`);
      }
      throw new Unauthenticated(`Google sign-in failed: the sign-in code was refused (${error})`, 'AUTH.GOOGLE_CODE_REJECTED');
    }
    if (typeof body?.id_token !== 'string') throw unavailable('The token endpoint answered without an id_token');
    return this.verifyIdToken(body.id_token, grant.nonce);
  }

  private async verifyIdToken(idToken: string, nonce: string): Promise<VerifiedIdentity> {
    const { keys } = await this.discover();
    const { issuer } = this.settings;
    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(idToken, keys, {
        algorithms: ['RS256'],
        // Google's ID tokens name their issuer with or without the scheme.
        issuer: issuer === GOOGLE_ISSUER ? [issuer, 'accounts.google.com'] : issuer,
        audience: this.settings.clientId,
        requiredClaims: ['exp', 'sub', 'nonce'],
        currentDate: this.clock.now(),
        clockTolerance: CLOCK_TOLERANCE_S,
      }));
    } catch (error) {
      if (error instanceof errors.JOSEError && !KEY_SET_UNAVAILABLE.has(error.code)) throw rejected(error.message);
      throw unavailable(`The identity provider's key set could not be read: ${(error as Error).message}`);
    }
    if (claims.nonce !== nonce) throw rejected('nonce mismatch');
    // With several audiences the token must have been issued to us (OIDC Core 3.1.3.7).
    if (Array.isArray(claims.aud) && claims.aud.length > 1 && claims.azp !== this.settings.clientId) throw rejected('azp mismatch');
    if (typeof claims.sub !== 'string' || !claims.sub || claims.sub.length > SUBJECT_MAX) throw rejected('unusable subject');
    if (typeof claims.email !== 'string' || !claims.email) throw rejected('the ID token carries no email (is the email scope granted?)');
    return {
      subject: claims.sub,
      email: claims.email,
      emailVerified: claims.email_verified === true || claims.email_verified === 'true',
      name: typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : null,
    };
  }

  private discover(): Promise<Provider> {
    this.provider ??= this.fetchDiscovery().catch((error) => {
      this.provider = null;
      throw error;
    });
    return this.provider;
  }

  private async fetchDiscovery(): Promise<Provider> {
    const url = `${this.settings.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    const { status, body } = await this.fetchJson(url, { method: 'GET' }, 'discovery document');
    if (status >= 400 || !body) throw unavailable(`The identity provider's discovery document answered ${status}`);
    // OIDC Discovery 4.3: the document must name exactly the issuer it was fetched for.
    if (body.issuer !== this.settings.issuer) throw unavailable(`Discovery names issuer ${String(body.issuer)}, expected ${this.settings.issuer}`);
    const { authorization_endpoint, token_endpoint, jwks_uri } = body;
    if (typeof authorization_endpoint !== 'string' || typeof token_endpoint !== 'string' || typeof jwks_uri !== 'string') {
      throw unavailable('The discovery document lacks authorization_endpoint, token_endpoint or jwks_uri');
    }
    const keys = createRemoteJWKSet(new URL(jwks_uri), { cooldownDuration: JWKS_REFETCH_COOLDOWN_MS, timeoutDuration: this.timeoutMs });
    return { authorization_endpoint, token_endpoint, keys };
  }

  /** The status and JSON object body of a call; DependencyUnavailable when the provider is unreachable, failing (5xx) or answers a non-object. */
  private async fetchJson(url: string, init: RequestInit, what: string): Promise<{ status: number; body: Record<string, unknown> | null }> {
    let response: Response;
    let body: unknown;
    try {
      response = await fetch(url, { ...init, headers: { accept: 'application/json' }, redirect: 'error', signal: AbortSignal.timeout(this.timeoutMs) });
      body = await response.json().catch(() => null);
    } catch (error) {
      throw unavailable(`The identity provider's ${what} did not answer: ${(error as Error).message}`);
    }
    if (response.status >= 500) throw unavailable(`The identity provider's ${what} answered ${response.status}`);
    const isObject = body !== null && typeof body === 'object' && !Array.isArray(body);
    if (response.ok && !isObject) throw unavailable(`The identity provider's ${what} is not a JSON object`);
    return { status: response.status, body: isObject ? (body as Record<string, unknown>) : null };
  }

  private get timeoutMs(): number {
    return this.settings.timeoutMs ?? 10_000;
  }
}
