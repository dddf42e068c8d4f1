import type { KeyObject } from 'node:crypto';
import { createSecretKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { AccessClaims, AccessTokens } from '../../application/ports/AccessTokens';
import type { Clock } from '../../application/ports/Clock';
import { ERROR_CODES } from '../../domain/shared/errorCatalogue';
import { Unauthenticated } from '../../domain/shared/errors';
import type { Role } from '../../domain/user/Role';
import { ROLES } from '../../domain/user/Role';

const ALGORITHM = 'HS256';
/** Tokens verified lately: a client presents the same token on every request until it refreshes. */
const VERIFIED_MEMO_SIZE = 10_000;

interface Verified {
  claims: AccessClaims;
  expiresAtMs: number;
}

export class JwtAccessTokens implements AccessTokens {
  /**
   * A secret KeyObject, made once: given a string, jsonwebtoken first tries to parse it as a
   * PEM key on every call (a failing OpenSSL parse that cost ~20% of an authenticated request).
   */
  private readonly key: KeyObject;

  /**
   * Same token string, same signature verdict: only the expiry needs the clock again. Saves the
   * base64 and JSON decoding and the HMAC on every authenticated request (docs/adr/0015).
   */
  private readonly verified = new Map<string, Verified>();

  constructor(secret: string, private readonly ttlMs: number, private readonly clock: Clock) {
    this.key = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  issue(claims: AccessClaims): { token: string; expiresAt: Date } {
    const iat = Math.floor(this.clock.now().getTime() / 1000);
    const exp = iat + Math.floor(this.ttlMs / 1000);
    const token = jwt.sign({ sub: claims.userId, email: claims.email, role: claims.role, sid: claims.sessionId, iat, exp }, this.key, { algorithm: ALGORITHM });
    return { token, expiresAt: new Date(exp * 1000) };
  }

  verify(token: string): AccessClaims {
    const known = this.verified.get(token);
    if (known) {
      if (this.clock.now().getTime() < known.expiresAtMs) return { ...known.claims };
      this.verified.delete(token);
    }
    const claims = this.decode(token);
    if (this.verified.size >= VERIFIED_MEMO_SIZE) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, claims);
    return { ...claims.claims };
  }

  private decode(token: string): Verified {
    let payload: jwt.JwtPayload;
    try {
      payload = jwt.verify(token, this.key, {
        algorithms: [ALGORITHM],
        clockTimestamp: Math.floor(this.clock.now().getTime() / 1000),
      }) as jwt.JwtPayload;
    } catch (error) {
      if (error instanceof jwt.TokenExpiredError) throw new Unauthenticated('jwt expired', ERROR_CODES.AUTH.TOKEN_EXPIRED);
      throw new Unauthenticated('Invalid access token', ERROR_CODES.AUTH.TOKEN_INVALID);
    }
    // jsonwebtoken checks `exp` only when present: a token that never expires is refused here.
    if (typeof payload.exp !== 'number' || typeof payload.sub !== 'string' || !ROLES.includes(payload.role)) {
      throw new Unauthenticated('Invalid access token', ERROR_CODES.AUTH.TOKEN_INVALID);
    }
    // Tokens signed before sessions were named in them: the client's remedy is a refresh, as for an expired one.
    if (typeof payload.sid !== 'string' || !payload.sid) throw new Unauthenticated('jwt expired', ERROR_CODES.AUTH.TOKEN_EXPIRED);
    return { claims: { userId: payload.sub, email: String(payload.email), role: payload.role as Role, sessionId: payload.sid }, expiresAtMs: payload.exp * 1000 };
  }
}
