import { createHash, randomBytes } from 'node:crypto';
import type { IdentityProvider, VerifiedIdentity } from '../../src/application/ports/IdentityProvider';
import { Unauthenticated } from '../../src/domain/shared/errors';

export interface IdentityProviderSubject {
  provider: IdentityProvider;
  /** Plays the user consenting at the provider's page as `identity`; returns where the browser is sent back. */
  consent(authorizationUrl: string, identity: VerifiedIdentity): Promise<URL>;
  close(): Promise<void>;
}

const REDIRECT_URI = 'http://api.tourdesk.test/api/v1/auth/google/callback';
const secret = () => randomBytes(32).toString('base64url');

let n = 0;
function identity(overrides: Partial<VerifiedIdentity> = {}): VerifiedIdentity {
  n += 1;
  return { subject: `1000000000000000000${n}`, email: `person${n}@gmail.com`, emailVerified: true, name: `Person ${n}`, ...overrides };
}

/** What every identity provider adapter promises SignInWithGoogle: an identity only for a code this sign-in asked for. */
export function describeIdentityProviderContract(name: string, make: () => Promise<IdentityProviderSubject>): void {
  describe(`IdentityProvider contract: ${name}`, () => {
    let s: IdentityProviderSubject;
    beforeAll(async () => {
      s = await make();
    });
    afterAll(async () => {
      await s.close();
    });

    /** One sign-in up to the callback: the secrets we made and the code the provider sent back. */
    async function signIn(who: VerifiedIdentity) {
      const request = { state: secret(), nonce: secret(), codeVerifier: secret(), redirectUri: REDIRECT_URI };
      const back = await s.consent(await s.provider.authorizationUrl(request), who);
      return { request, back, code: back.searchParams.get('code')! };
    }

    test('sends the browser with state, nonce, our redirect URI and an S256 challenge, never the verifier', async () => {
      const request = { state: secret(), nonce: secret(), codeVerifier: secret(), redirectUri: REDIRECT_URI };
      const url = new URL(await s.provider.authorizationUrl(request));
      expect(url.protocol).toMatch(/^https?:$/);
      expect(Object.fromEntries(url.searchParams)).toEqual(expect.objectContaining({
        response_type: 'code', state: request.state, nonce: request.nonce, redirect_uri: REDIRECT_URI,
        code_challenge: createHash('sha256').update(request.codeVerifier).digest('base64url'), code_challenge_method: 'S256',
      }));
      expect(url.searchParams.get('scope')!.split(' ')).toEqual(expect.arrayContaining(['openid', 'email']));
      expect(url.toString()).not.toContain(request.codeVerifier);
    });

    test('sends the user back to our redirect URI with a code and our state', async () => {
      const { request, back, code } = await signIn(identity());
      expect(back.origin + back.pathname).toBe(REDIRECT_URI);
      expect(back.searchParams.get('state')).toBe(request.state);
      expect(code).toBeTruthy();
    });

    test('redeems the code for the identity the user consented as, email verification included', async () => {
      const verified = identity();
      const first = await signIn(verified);
      expect(await s.provider.exchange({ code: first.code, ...first.request })).toEqual(verified);
      const unverified = identity({ emailVerified: false, name: null });
      const second = await signIn(unverified);
      expect(await s.provider.exchange({ code: second.code, ...second.request })).toEqual(unverified);
    });

    test('a code is redeemed once', async () => {
      const { request, code } = await signIn(identity());
      await s.provider.exchange({ code, ...request });
      await expect(s.provider.exchange({ code, ...request })).rejects.toThrow(Unauthenticated);
    });

    test.each([
      ['an unknown code', (g: Grant) => ({ ...g, code: 'not-a-code' })],
      ['another verifier (PKCE)', (g: Grant) => ({ ...g, codeVerifier: secret() })],
      ['another redirect URI', (g: Grant) => ({ ...g, redirectUri: 'http://evil.example/callback' })],
      ['another nonce', (g: Grant) => ({ ...g, nonce: secret() })],
    ])('refuses %s', async (_what, alter) => {
      const { request, code } = await signIn(identity());
      await expect(s.provider.exchange(alter({ code, ...request }))).rejects.toThrow(Unauthenticated);
    });
  });
}

type Grant = { code: string; codeVerifier: string; redirectUri: string; nonce: string };
