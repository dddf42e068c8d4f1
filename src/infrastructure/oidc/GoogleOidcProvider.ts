import type { JsonWebKey, KeyObject } from 'node:crypto';
import { createHash, createPublicKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
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

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
}

const ALGORITHM = 'RS256';
/** Skew allowed between our clock and the provider's on `exp`/`nbf`. */
const CLOCK_TOLERANCE_S = 30;
/** An unknown `kid` refetches the key set, but not more often than this. */
const JWKS_REFETCH_COOLDOWN_MS = 10_000;
/** The `users.googleId` column. */
const SUBJECT_MAX = 64;

/** The RFC 6749 `error` of a token endpoint's refusal, if it sent one. */
function oauthError(text: string): string | null {
  try {
    const error = (JSON.parse(text) as { error?: unknown }).error;
    return typeof error === 'string' ? error.slice(0, 64) : null;
  } catch {
    return null;
  }
}

const rejected = (why: string) => new Unauthenticated(`Google sign-in failed: ${why}`, 'AUTH.GOOGLE_ID_TOKEN_INVALID');

/**
 * OpenID Connect authorization-code flow with PKCE (S256) against Google, or any provider
 * whose discovery document lives under `issuer`. The code is redeemed with client_secret_post;
 * the ID token is verified locally against the provider's JWKS (RS256 only), which is cached
 * and refetched when a token names a key we do not know (key rotation).
 */
export class GoogleOidcProvider implements IdentityProvider {
  private discovery: Promise<Discovery> | null = null;
  private keys = new Map<string, KeyObject>();
  private keysFetchedAt = -Infinity;
  private keysInFlight: Promise<void> | null = null;

  constructor(private readonly settings: OidcSettings, private readonly clock: Clock) {}

  async authorizationUrl(request: AuthorizationRequest): Promise<string> {
    const { authorization_endpoint } = await this.discover();
    const url = new URL(authorization_endpoint);
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
    const response = await this.call(token_endpoint, { method: 'POST', body: form, headers: { accept: 'application/json' } }, 'token endpoint');
    if (response.status >= 400 && response.status < 500) {
      const error = oauthError(await response.text()) ?? String(response.status);
      // Our credentials are wrong: a configuration problem, not the user's.
      if (response.status === 401 || error === 'invalid_client' || error === 'unauthorized_client') {
        throw new DependencyUnavailable('identity provider', `The identity provider refused our client credentials (${error})`);
      }
      throw new Unauthenticated(`Google sign-in failed: the sign-in code was refused (${error})`, 'AUTH.GOOGLE_CODE_REJECTED');
    }
    const body = await this.json(response, 'token endpoint');
    if (typeof body.id_token !== 'string') throw new DependencyUnavailable('identity provider', 'The token endpoint answered without an id_token');
    return this.verifyIdToken(body.id_token, grant.nonce);
  }

  private async verifyIdToken(idToken: string, nonce: string): Promise<VerifiedIdentity> {
    const decoded = jwt.decode(idToken, { complete: true });
    if (!decoded || typeof decoded.payload === 'string') throw rejected('the ID token is malformed');
    if (decoded.header.alg !== ALGORITHM) throw rejected(`the ID token is signed with ${decoded.header.alg}, not ${ALGORITHM}`);
    const key = await this.keyFor(decoded.header.kid);
    const { issuer } = await this.discover();
    let claims: jwt.JwtPayload;
    try {
      claims = jwt.verify(idToken, key, {
        algorithms: [ALGORITHM],
        issuer: this.acceptedIssuers(issuer),
        audience: this.settings.clientId,
        clockTimestamp: Math.floor(this.clock.now().getTime() / 1000),
        clockTolerance: CLOCK_TOLERANCE_S,
      }) as jwt.JwtPayload;
    } catch (error) {
      throw rejected((error as Error).message);
    }
    if (typeof claims.nonce !== 'string' || claims.nonce !== nonce) throw rejected('nonce mismatch');
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

  /** Google's ID tokens name their issuer with or without the scheme. */
  private acceptedIssuers(issuer: string): [string, ...string[]] {
    return issuer === GOOGLE_ISSUER ? [issuer, 'accounts.google.com'] : [issuer];
  }

  private async keyFor(kid: string | undefined): Promise<KeyObject> {
    if (!kid) throw rejected('the ID token names no key');
    const known = this.keys.get(kid);
    if (known) return known;
    if (this.clock.now().getTime() - this.keysFetchedAt >= JWKS_REFETCH_COOLDOWN_MS) {
      this.keysInFlight ??= this.fetchKeys().finally(() => (this.keysInFlight = null));
      await this.keysInFlight;
    }
    const fetched = this.keys.get(kid);
    if (!fetched) throw rejected(`unknown signing key ${kid}`);
    return fetched;
  }

  private async fetchKeys(): Promise<void> {
    const { jwks_uri } = await this.discover();
    const body = await this.json(await this.call(jwks_uri, { method: 'GET' }, 'key set'), 'key set');
    const keys = new Map<string, KeyObject>();
    for (const jwk of Array.isArray(body.keys) ? (body.keys as (JsonWebKey & { kid?: unknown; use?: unknown })[]) : []) {
      if (jwk.kty !== 'RSA' || typeof jwk.kid !== 'string' || (jwk.use !== undefined && jwk.use !== 'sig')) continue;
      try {
        keys.set(jwk.kid, createPublicKey({ key: jwk, format: 'jwk' }));
      } catch {
        // A key we cannot read cannot have signed a token we accept; the others still serve.
        continue;
      }
    }
    this.keys = keys;
    this.keysFetchedAt = this.clock.now().getTime();
  }

  private discover(): Promise<Discovery> {
    this.discovery ??= this.fetchDiscovery().catch((error) => {
      this.discovery = null;
      throw error;
    });
    return this.discovery;
  }

  private async fetchDiscovery(): Promise<Discovery> {
    const url = `${this.settings.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    const body = await this.json(await this.call(url, { method: 'GET' }, 'discovery document'), 'discovery document');
    // OIDC Discovery 4.3: the document must name exactly the issuer it was fetched for.
    if (body.issuer !== this.settings.issuer) {
      throw new DependencyUnavailable('identity provider', `Discovery names issuer ${String(body.issuer)}, expected ${this.settings.issuer}`);
    }
    for (const field of ['authorization_endpoint', 'token_endpoint', 'jwks_uri'] as const) {
      if (typeof body[field] !== 'string') throw new DependencyUnavailable('identity provider', `Discovery document has no ${field}`);
    }
    return body as unknown as Discovery;
  }

  private async call(url: string, init: RequestInit, what: string): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(this.settings.timeoutMs ?? 10_000) });
    } catch (error) {
      throw new DependencyUnavailable('identity provider', `The identity provider's ${what} did not answer: ${(error as Error).message}`);
    }
    if (response.status >= 500) {
      await response.body?.cancel();
      throw new DependencyUnavailable('identity provider', `The identity provider's ${what} answered ${response.status}`);
    }
    return response;
  }

  private async json(response: Response, what: string): Promise<Record<string, unknown>> {
    const text = await response.text();
    if (!response.ok) throw new DependencyUnavailable('identity provider', `The identity provider's ${what} answered ${response.status}`);
    try {
      const body = JSON.parse(text) as unknown;
      if (body && typeof body === 'object' && !Array.isArray(body)) return body as Record<string, unknown>;
    } catch {
      // fall through: not JSON
    }
    throw new DependencyUnavailable('identity provider', `The identity provider's ${what} is not a JSON object`);
  }
}
