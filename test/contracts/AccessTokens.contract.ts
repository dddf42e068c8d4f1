import type { AccessClaims, AccessTokens } from '../../src/application/ports/AccessTokens';
import { Unauthenticated } from '../../src/domain/shared/errors';
import type { FakeClock } from '../fakes/FakeClock';

export interface AccessTokensSubject {
  tokens: AccessTokens;
  /** The clock the adapter reads. */
  clock: FakeClock;
  ttlMs: number;
  /** The same kind of adapter under another signing key. */
  withAnotherKey(): AccessTokens;
}

const claims: AccessClaims = { userId: 'u-1', email: 'rahim@example.com', role: 'USER', sessionId: 'family-1' };

/** The Unauthenticated error `verify` throws, as code and message. */
export function refusal(verify: () => unknown): { code: string; message: string } {
  try {
    verify();
  } catch (error) {
    expect(error).toBeInstanceOf(Unauthenticated);
    return { code: (error as Unauthenticated).code, message: (error as Error).message };
  }
  throw new Error('expected verify to refuse the token');
}

/** What CheckSession and the auth middleware rely on: the claims back, until the expiry; nothing forged or stale. */
export function describeAccessTokensContract(name: string, make: () => AccessTokensSubject): void {
  describe(`AccessTokens contract: ${name}`, () => {
    let s: AccessTokensSubject;
    beforeEach(() => {
      s = make();
    });

    test('a token issued for the claims verifies to exactly those claims, and expires after the ttl', () => {
      const issued = s.tokens.issue(claims);
      expect(issued.expiresAt).toEqual(new Date(s.clock.now().getTime() + s.ttlMs));
      expect(s.tokens.verify(issued.token)).toEqual(claims);
    });

    test('valid up to the expiry; from then on refused as "jwt expired" (the client refreshes)', () => {
      const { token } = s.tokens.issue(claims);
      s.clock.advance(s.ttlMs - 1000);
      expect(s.tokens.verify(token)).toEqual(claims);
      s.clock.advance(1000);
      expect(refusal(() => s.tokens.verify(token))).toEqual({ code: 'AUTH.TOKEN_EXPIRED', message: 'jwt expired' });
      expect(refusal(() => s.tokens.verify(token))).toEqual({ code: 'AUTH.TOKEN_EXPIRED', message: 'jwt expired' });
    });

    test('claims handed out are the caller\'s to change: the next verify is not affected', () => {
      const { token } = s.tokens.issue(claims);
      const first = s.tokens.verify(token);
      first.role = 'SUPER_ADMIN';
      expect(s.tokens.verify(token)).toEqual(claims);
    });

    test('a tampered token, one under another key, and garbage are refused as invalid, also once the genuine one was verified', () => {
      const { token } = s.tokens.issue(claims);
      expect(s.tokens.verify(token)).toEqual(claims);
      const [header, payload, signature] = token.split('.');
      const admin = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), role: 'ADMIN' })).toString('base64url');
      const invalid = { code: 'AUTH.TOKEN_INVALID', message: 'Invalid access token' };
      expect(refusal(() => s.tokens.verify(`${header}.${admin}.${signature}`))).toEqual(invalid);
      expect(refusal(() => s.tokens.verify(s.withAnotherKey().issue(claims).token))).toEqual(invalid);
      expect(refusal(() => s.tokens.verify('garbage'))).toEqual(invalid);
      expect(refusal(() => s.tokens.verify(''))).toEqual(invalid);
    });
  });
}
