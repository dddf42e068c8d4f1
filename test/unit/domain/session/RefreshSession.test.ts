import { RefreshSession } from '../../../../src/domain/session/RefreshSession';

const now = new Date('2026-03-01T10:00:00.000Z');
const ttlMs = 60_000;

function started(): RefreshSession {
  return RefreshSession.start({ id: 's1', userId: 'u1', familyId: 'f1', tokenHash: 'h1', now, ttlMs });
}

describe('RefreshSession', () => {
  it('starts unused and expires after its ttl', () => {
    const session = started();
    expect(session.toProps()).toEqual({
      id: 's1', userId: 'u1', familyId: 'f1', tokenHash: 'h1', createdAt: now, expiresAt: new Date(now.getTime() + ttlMs), rotatedAt: null, revokedAt: null,
    });
  });

  it('is usable until the instant it expires', () => {
    const session = started();
    expect(session.verdict(now)).toBe('usable');
    expect(session.verdict(new Date(now.getTime() + ttlMs - 1))).toBe('usable');
    expect(session.verdict(new Date(now.getTime() + ttlMs))).toBe('expired');
  });

  it('is a reuse once rotated, even before it would expire', () => {
    const session = RefreshSession.restore({ ...started().toProps(), rotatedAt: now });
    expect(session.verdict(now)).toBe('reused');
    expect(session.verdict(new Date(now.getTime() + 2 * ttlMs))).toBe('reused');
  });

  it('reports revoked above everything else', () => {
    const session = RefreshSession.restore({ ...started().toProps(), rotatedAt: now, revokedAt: now });
    expect(session.verdict(new Date(now.getTime() + 2 * ttlMs))).toBe('revoked');
  });

  it('restores a copy that later changes to the props cannot reach', () => {
    const props = started().toProps();
    const session = RefreshSession.restore(props);
    props.revokedAt = now;
    expect(session.verdict(now)).toBe('usable');
  });
});
