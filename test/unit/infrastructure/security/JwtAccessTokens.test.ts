import jwt from 'jsonwebtoken';
import { JwtAccessTokens } from '../../../../src/infrastructure/security/JwtAccessTokens';
import { refusal } from '../../../contracts/AccessTokens.contract';
import { FakeClock } from '../../../fakes/FakeClock';

const SECRET = 'access-secret-access-secret-access-secret';
const claims = { userId: 'u-1', email: 'rahim@example.com', role: 'USER' as const, sessionId: 'family-1' };

function setup() {
  const clock = new FakeClock();
  return { clock, tokens: new JwtAccessTokens(SECRET, 15 * 60_000, clock) };
}

describe('JwtAccessTokens', () => {
  it('signs with HS256 (the round trip and the expiry are in the AccessTokens contract)', () => {
    const { tokens } = setup();
    expect(jwt.decode(tokens.issue(claims).token, { complete: true })?.header.alg).toBe('HS256');
  });

  it('still accepts tokens signed with the secret as a plain string (sessions from before a deploy)', () => {
    const { clock, tokens } = setup();
    const iat = Math.floor(clock.now().getTime() / 1000);
    const legacy = jwt.sign({ sub: 'u-1', email: 'rahim@example.com', role: 'USER', sid: 'family-1', iat, exp: iat + 60 }, SECRET, { algorithm: 'HS256' });
    expect(tokens.verify(legacy)).toEqual(claims);
  });

  it('carries the session id, and answers a token from before sessions were named as expired (the client refreshes)', () => {
    const { clock, tokens } = setup();
    expect(jwt.decode(tokens.issue(claims).token)).toMatchObject({ sid: 'family-1' });
    const iat = Math.floor(clock.now().getTime() / 1000);
    const sessionless = jwt.sign({ sub: 'u-1', email: 'rahim@example.com', role: 'USER', iat, exp: iat + 60 }, SECRET, { algorithm: 'HS256' });
    expect(refusal(() => tokens.verify(sessionless))).toEqual({ code: 'AUTH.TOKEN_EXPIRED', message: 'jwt expired' });
  });

  it.each([
    ['signed with another HMAC algorithm', () => jwt.sign({ sub: 'u-1', role: 'USER' }, SECRET, { algorithm: 'HS512' })],
    ['unsigned (alg none)', () => `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"sub":"u-1","role":"USER"}').toString('base64url')}.`],
    ['carrying an unknown role', () => jwt.sign({ sub: 'u-1', role: 'KING' }, SECRET, { algorithm: 'HS256' })],
    ['without a subject', () => jwt.sign({ role: 'USER' }, SECRET, { algorithm: 'HS256' })],
    ['that never expires (no exp)', () => jwt.sign({ sub: 'u-1', role: 'USER', sid: 'family-1' }, SECRET, { algorithm: 'HS256' })],
  ])('refuses a token %s as invalid', (_why, make) => {
    const { tokens } = setup();
    expect(refusal(() => tokens.verify(make()))).toEqual({ code: 'AUTH.TOKEN_INVALID', message: 'Invalid access token' });
  });
});
