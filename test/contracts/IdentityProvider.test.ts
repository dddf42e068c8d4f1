import { randomBytes } from 'node:crypto';
import { DependencyUnavailable, Unauthenticated } from '../../src/domain/shared/errors';
import { GoogleOidcProvider } from '../../src/infrastructure/oidc/GoogleOidcProvider';
import { FakeClock } from '../fakes/FakeClock';
import { FakeIdentityProvider } from '../fakes/FakeIdentityProvider';
import type { IdTokenTweaks } from '../fakes/FakeOidcServer';
import { FakeOidcServer } from '../fakes/FakeOidcServer';
import { describeIdentityProviderContract } from './IdentityProvider.contract';

describeIdentityProviderContract('in-memory fake', async () => {
  const provider = new FakeIdentityProvider();
  return { provider, consent: async (url, who) => provider.consent(url, who), close: async () => undefined };
});

const contractServer = new FakeOidcServer();
describeIdentityProviderContract('GoogleOidcProvider (against a local OpenID Connect provider)', async () => {
  await contractServer.start();
  const provider = new GoogleOidcProvider(
    { issuer: contractServer.issuer, clientId: contractServer.clientId, clientSecret: contractServer.clientSecret, timeoutMs: 2000 },
    new FakeClock(new Date()),
  );
  return {
    provider,
    async consent(url, who) {
      contractServer.nextIdentity = who;
      const response = await fetch(url, { redirect: 'manual' });
      expect(response.status).toBe(302);
      return new URL(response.headers.get('location')!);
    },
    close: () => contractServer.stop(),
  };
});

const ALL_BUT_DATE = [
  'hrtime', 'nextTick', 'performance', 'queueMicrotask', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback',
  'cancelIdleCallback', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout',
] as const;

describe('GoogleOidcProvider specifics', () => {
  /** The provider's clock and ours are separate, so a test can move only ours. */
  const providerClock = new FakeClock();
  const clock = new FakeClock();
  const server = new FakeOidcServer(undefined, undefined, () => providerClock.now());
  let provider: GoogleOidcProvider;
  const make = (overrides: Partial<ConstructorParameters<typeof GoogleOidcProvider>[0]> = {}) =>
    new GoogleOidcProvider({ issuer: server.issuer, clientId: server.clientId, clientSecret: server.clientSecret, timeoutMs: 2000, ...overrides }, clock);

  beforeAll(() => server.start());
  afterAll(() => server.stop());
  beforeEach(() => {
    clock.set(providerClock.now());
    server.nextTweaks = {};
    server.down.clear();
    server.claimedIssuer = null;
    provider = make();
  });

  async function signIn(tweaks: IdTokenTweaks = {}, using = provider) {
    server.nextTweaks = tweaks;
    const request = { state: 's', nonce: randomBytes(16).toString('base64url'), codeVerifier: randomBytes(32).toString('base64url'), redirectUri: 'http://api.test/callback' };
    const response = await fetch(await using.authorizationUrl(request), { redirect: 'manual' });
    const code = new URL(response.headers.get('location')!).searchParams.get('code')!;
    return using.exchange({ code, ...request });
  }

  const seconds = () => Math.floor(providerClock.now().getTime() / 1000);
  const invalidToken = expect.objectContaining({ constructor: Unauthenticated, code: 'AUTH.GOOGLE_ID_TOKEN_INVALID' });

  test('returns the verified identity', async () => {
    await expect(signIn()).resolves.toEqual(server.nextIdentity);
  });

  test.each<[string, () => IdTokenTweaks]>([
    ['a signature by a key the provider does not publish', () => ({ foreignKey: true })],
    ['another audience', () => ({ claims: { aud: 'someone-else.apps.example.com', azp: 'someone-else.apps.example.com' } })],
    ['several audiences, issued to another party', () => ({ claims: { aud: [server.clientId, 'other.apps.example.com'], azp: 'other.apps.example.com' } })],
    ['another issuer', () => ({ claims: { iss: 'https://evil.example' } })],
    ['an expiry in the past', () => ({ claims: { iat: seconds() - 7200, exp: seconds() - 3600 } })],
    ['another nonce (a replayed token)', () => ({ claims: { nonce: 'some-other-sign-in' } })],
    ['no nonce', () => ({ claims: { nonce: undefined } })],
    ['alg none', () => ({ algorithm: 'none' })],
    ['HS256 keyed with the public key (algorithm confusion)', () => ({ algorithm: 'HS256' })],
    ['a key id nobody published', () => ({ kid: 'never-published' })],
    ['no email (scope not granted)', () => ({ claims: { email: undefined } })],
    ['a subject longer than we store', () => ({ claims: { sub: '9'.repeat(65) } })],
  ])('refuses an ID token with %s', async (_what, tweaks) => {
    await expect(signIn(tweaks())).rejects.toThrow(invalidToken);
  });

  test('judges expiry by the Clock port: a token expired by our clock is refused, within 30 s of skew accepted', async () => {
    clock.advance(3600_000 + 20_000);
    await expect(signIn()).resolves.toHaveProperty('subject');
    clock.advance(20_000);
    await expect(signIn()).rejects.toThrow(invalidToken);
  });

  test('reads discovery once and caches the keys; a new key id (rotation) refetches them, at most every 10 s', async () => {
    // jose times the refetch cooldown with Date: fake Date alone, so sockets and timeouts stay real.
    jest.useFakeTimers({ now: Date.now(), doNotFake: [...ALL_BUT_DATE] });
    try {
      const before = { ...server.served };
      await signIn();
      await signIn();
      expect(server.served.discovery - before.discovery).toBe(1);
      expect(server.served.jwks - before.jwks).toBe(1);
      server.rotateKeys();
      jest.setSystemTime(Date.now() + 9_000);
      await expect(signIn()).rejects.toThrow(invalidToken);
      expect(server.served.jwks - before.jwks).toBe(1);
      jest.setSystemTime(Date.now() + 1_000);
      await expect(signIn()).resolves.toHaveProperty('subject');
      await signIn();
      expect(server.served.jwks - before.jwks).toBe(2);
    } finally {
      jest.useRealTimers();
    }
  });

  test('refuses a discovery document naming another issuer, and tries again next time', async () => {
    server.claimedIssuer = 'https://accounts.google.com';
    await expect(signIn()).rejects.toThrow(DependencyUnavailable);
    server.claimedIssuer = null;
    await expect(signIn()).resolves.toHaveProperty('subject');
  });

  test('a provider that is down or unreachable is DependencyUnavailable, not a refused user', async () => {
    server.down.add('token');
    await expect(signIn()).rejects.toThrow(DependencyUnavailable);
    server.down.clear();
    server.down.add('jwks');
    await expect(signIn()).rejects.toThrow(DependencyUnavailable);
    const nowhere = make({ issuer: 'http://127.0.0.1:1', timeoutMs: 500 });
    await expect(nowhere.authorizationUrl({ state: 's', nonce: 'n', codeVerifier: 'v', redirectUri: 'http://api.test/cb' })).rejects.toThrow(DependencyUnavailable);
  });

  test('wrong client credentials are a configuration problem (DependencyUnavailable); a refused code is Unauthenticated', async () => {
    await expect(signIn({}, make({ clientSecret: 'not-the-secret' }))).rejects.toThrow(DependencyUnavailable);
    await expect(provider.exchange({ code: 'made-up', codeVerifier: 'v', redirectUri: 'http://api.test/callback', nonce: 'n' })).rejects.toThrow(
      expect.objectContaining({ constructor: Unauthenticated, code: 'AUTH.GOOGLE_CODE_REJECTED' }),
    );
  });
});
