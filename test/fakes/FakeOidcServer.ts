import type { KeyObject} from 'node:crypto';
import { createHash, createHmac, generateKeyPairSync, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';
import type { VerifiedIdentity } from '../../src/application/ports/IdentityProvider';

/** How the next ID token should be wrong, for tests of the relying party's checks. */
export interface IdTokenTweaks {
  /** Merged over the real claims; `undefined` removes one. */
  claims?: Record<string, unknown>;
  /** Signs with a key the JWKS does not publish, under the published kid. */
  foreignKey?: boolean;
  kid?: string;
  /** `none`: unsigned; `HS256`: HMAC keyed with the public key (the algorithm-confusion attack). */
  algorithm?: 'none' | 'HS256';
}

interface Grant {
  redirectUri: string;
  codeChallenge: string;
  nonce: string | null;
  identity: VerifiedIdentity;
  tweaks: IdTokenTweaks;
  used: boolean;
}

interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

type Endpoint = 'discovery' | 'jwks' | 'token';

function rsaKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid: randomBytes(8).toString('hex'), privateKey, publicKey };
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * An OpenID Connect provider on a local port, as Google behaves: discovery, JWKS,
 * `/authorize` (consents at once as `nextIdentity` and redirects back with a code) and a token
 * endpoint that checks client_secret_post, the redirect URI and PKCE S256 before signing an
 * RS256 ID token. Counts what it served so tests can see caching.
 */
export class FakeOidcServer {
  url = '';
  readonly served: Record<Endpoint | 'authorize', number> = { discovery: 0, jwks: 0, authorize: 0, token: 0 };
  /** Endpoints answering 503. */
  readonly down = new Set<Endpoint>();
  /** Who the next browser reaching /authorize signs in as. */
  nextIdentity: VerifiedIdentity = { subject: '109876543210987654321', email: 'traveller@gmail.com', emailVerified: true, name: 'Rahim Uddin' };
  nextTweaks: IdTokenTweaks = {};
  /** Issuer the discovery document claims, when a test wants it to lie. */
  claimedIssuer: string | null = null;
  private key = rsaKey();
  private readonly grants = new Map<string, Grant>();
  private server: http.Server | null = null;

  constructor(
    readonly clientId = 'tourdesk-test.apps.example.com',
    readonly clientSecret = 'fake-client-secret',
    private readonly now: () => Date = () => new Date(),
  ) {}

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  get issuer(): string {
    return this.url;
  }

  /** Publishes a new signing key and withdraws the old one, as providers rotate. */
  rotateKeys(): void {
    this.key = rsaKey();
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    const endpoint = ({ '/.well-known/openid-configuration': 'discovery', '/jwks': 'jwks', '/token': 'token', '/authorize': 'authorize' } as const)[url.pathname];
    if (!endpoint) return send(404, { error: 'not_found' });
    this.served[endpoint] += 1;
    if (endpoint !== 'authorize' && this.down.has(endpoint)) return send(503, { error: 'temporarily_unavailable' });

    if (endpoint === 'discovery') {
      return send(200, {
        issuer: this.claimedIssuer ?? this.issuer,
        authorization_endpoint: `${this.url}/authorize`,
        token_endpoint: `${this.url}/token`,
        jwks_uri: `${this.url}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['client_secret_post'],
      });
    }
    if (endpoint === 'jwks') {
      return send(200, { keys: [{ ...this.key.publicKey.export({ format: 'jwk' }), kid: this.key.kid, alg: 'RS256', use: 'sig' }] });
    }
    if (endpoint === 'authorize') {
      const result = this.authorize(url, this.nextIdentity, this.nextTweaks);
      if ('error' in result) return send(400, result);
      return send(302, undefined, { location: result.location });
    }
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const form = new URLSearchParams(raw);
    const answer = this.token(form);
    return send(answer.status, answer.body, { 'cache-control': 'no-store' });
  }

  /** What `/authorize` does: checks the request, records a grant for `identity`, and says where to send the browser. */
  private authorize(url: URL, identity: VerifiedIdentity, tweaks: IdTokenTweaks): { location: string } | { error: string } {
    const p = url.searchParams;
    if (p.get('client_id') !== this.clientId) return { error: 'invalid_client' };
    if (p.get('response_type') !== 'code' || !p.get('scope')?.split(' ').includes('openid')) return { error: 'invalid_request' };
    if (p.get('code_challenge_method') !== 'S256' || !p.get('code_challenge')) return { error: 'invalid_request: PKCE S256 required' };
    const redirectUri = p.get('redirect_uri');
    if (!redirectUri) return { error: 'invalid_request: redirect_uri' };
    const code = `4/${randomBytes(18).toString('base64url')}`;
    this.grants.set(code, { redirectUri, codeChallenge: p.get('code_challenge')!, nonce: p.get('nonce'), identity, tweaks, used: false });
    const back = new URL(redirectUri);
    back.searchParams.set('code', code);
    if (p.get('state') !== null) back.searchParams.set('state', p.get('state')!);
    back.searchParams.set('scope', 'email profile openid');
    return { location: back.toString() };
  }

  private token(form: URLSearchParams): { status: number; body: unknown } {
    if (form.get('client_id') !== this.clientId || form.get('client_secret') !== this.clientSecret) return { status: 401, body: { error: 'invalid_client' } };
    if (form.get('grant_type') !== 'authorization_code') return { status: 400, body: { error: 'unsupported_grant_type' } };
    const grant = this.grants.get(form.get('code') ?? '');
    if (!grant || grant.used) return { status: 400, body: { error: 'invalid_grant', error_description: 'Malformed auth code.' } };
    grant.used = true;
    if (form.get('redirect_uri') !== grant.redirectUri) return { status: 400, body: { error: 'redirect_uri_mismatch' } };
    const challenge = createHash('sha256').update(form.get('code_verifier') ?? '').digest('base64url');
    if (challenge !== grant.codeChallenge) return { status: 400, body: { error: 'invalid_grant', error_description: 'Invalid code verifier.' } };
    return { status: 200, body: { access_token: randomBytes(24).toString('base64url'), expires_in: 3599, token_type: 'Bearer', scope: 'openid email profile', id_token: this.idToken(grant) } };
  }

  private idToken(grant: Grant): string {
    const iat = Math.floor(this.now().getTime() / 1000);
    const claims: Record<string, unknown> = {
      iss: this.issuer, azp: this.clientId, aud: this.clientId, sub: grant.identity.subject, email: grant.identity.email,
      email_verified: grant.identity.emailVerified, name: grant.identity.name ?? undefined, iat, exp: iat + 3600,
      ...(grant.nonce !== null ? { nonce: grant.nonce } : {}), ...grant.tweaks.claims,
    };
    for (const [k, v] of Object.entries(claims)) if (v === undefined) delete claims[k];
    const { tweaks } = grant;
    const kid = tweaks.kid ?? this.key.kid;
    if (tweaks.algorithm === 'none') return `${b64({ alg: 'none', typ: 'JWT', kid })}.${b64(claims)}.`;
    if (tweaks.algorithm === 'HS256') {
      const signingInput = `${b64({ alg: 'HS256', typ: 'JWT', kid })}.${b64(claims)}`;
      const secret = this.key.publicKey.export({ format: 'pem', type: 'spki' });
      return `${signingInput}.${createHmac('sha256', secret).update(signingInput).digest('base64url')}`;
    }
    const signer = tweaks.foreignKey ? rsaKey().privateKey : this.key.privateKey;
    return jwt.sign(claims, signer, { algorithm: 'RS256', keyid: kid });
  }
}
