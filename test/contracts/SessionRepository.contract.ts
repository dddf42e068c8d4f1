import type { SessionRepository } from '../../src/application/ports/SessionRepository';
import type { UnitOfWork } from '../../src/application/ports/UnitOfWork';
import { RefreshSession } from '../../src/domain/session/RefreshSession';

const now = new Date('2026-03-01T10:00:00.123Z');
const later = new Date('2026-03-01T10:05:00.456Z');
let n = 0;

function session(overrides: { userId?: string; familyId?: string } = {}): RefreshSession {
  n += 1;
  return RefreshSession.start({
    id: `s-${n}`, userId: overrides.userId ?? 'u-1', familyId: overrides.familyId ?? `f-${n}`, tokenHash: `hash-${n}`.padEnd(64, '0'), now, ttlMs: 60_000,
  });
}

export interface SessionSubject {
  sessions: SessionRepository;
  /** The transaction the use cases wrap their calls in. */
  uow: UnitOfWork;
}

/** Every SessionRepository adapter must pass this. `makeAdapter` returns an empty store. */
export function describeSessionRepositoryContract(name: string, makeAdapter: () => Promise<SessionSubject>): void {
  describe(`SessionRepository contract: ${name}`, () => {
    let repo: SessionRepository;
    let uow: UnitOfWork;

    beforeEach(async () => {
      ({ sessions: repo, uow } = await makeAdapter());
    });

    const stateOf = async (s: RefreshSession) => (await repo.findByTokenHash(s.tokenHash))?.toProps();

    it('stores a session and finds it by its token hash only', async () => {
      const s = session();
      await repo.create(s);
      expect(await stateOf(s)).toEqual(s.toProps());
      expect(await repo.findByTokenHash('unknown'.padEnd(64, '0'))).toBeNull();
    });

    it('marks a session rotated once: the second attempt loses', async () => {
      const s = session();
      await repo.create(s);
      expect(await repo.markRotated(s.id, later)).toBe(true);
      expect(await repo.markRotated(s.id, later)).toBe(false);
      expect(await stateOf(s)).toMatchObject({ rotatedAt: later, revokedAt: null });
      expect((await repo.findByTokenHash(s.tokenHash))?.verdict(later)).toBe('reused');
    });

    it('never rotates a revoked or unknown session', async () => {
      const s = session();
      await repo.create(s);
      await repo.revokeFamily(s.familyId, later);
      expect(await repo.markRotated(s.id, later)).toBe(false);
      expect(await repo.markRotated('missing', later)).toBe(false);
    });

    it('lets exactly one of 10 concurrent rotations win', async () => {
      const s = session();
      await repo.create(s);
      const wins = await Promise.all(Array.from({ length: 10 }, () => repo.markRotated(s.id, later)));
      expect(wins.filter(Boolean)).toHaveLength(1);
    });

    it('lets exactly one of 10 concurrent rotations win inside transactions', async () => {
      const s = session();
      await repo.create(s);
      const wins = await Promise.all(
        Array.from({ length: 10 }, () =>
          uow.run(async () => {
            const found = await repo.findByTokenHash(s.tokenHash);
            return found !== null && (await repo.markRotated(found.id, later));
          }),
        ),
      );
      expect(wins.filter(Boolean)).toHaveLength(1);
    });

    it('revokes a whole family, and only it', async () => {
      const a1 = session({ familyId: 'fam-a' });
      const a2 = session({ familyId: 'fam-a' });
      const b = session({ familyId: 'fam-b' });
      for (const s of [a1, a2, b]) await repo.create(s);
      await repo.markRotated(a1.id, now);
      await repo.revokeFamily('fam-a', later);
      expect(await stateOf(a1)).toMatchObject({ rotatedAt: now, revokedAt: later });
      expect(await stateOf(a2)).toMatchObject({ revokedAt: later });
      expect(await stateOf(b)).toMatchObject({ revokedAt: null });
    });

    it('tells a family live while one of its tokens is unrevoked and unexpired, for its own user only', async () => {
      const soon = new Date(now.getTime() + 30_000);
      const first = session({ familyId: 'f-live', userId: 'u-live' });
      await repo.create(first);
      await repo.markRotated(first.id, now);
      await repo.create(session({ familyId: 'f-live', userId: 'u-live' }));
      expect(await repo.isLive('f-live', 'u-live', soon)).toBe(true);
      expect(await repo.isLive('f-live', 'someone-else', soon)).toBe(false);
      expect(await repo.isLive('f-unknown', 'u-live', soon)).toBe(false);
      expect(await repo.isLive('f-live', 'u-live', new Date(now.getTime() + 60_000))).toBe(false);
      await repo.revokeFamily('f-live', soon);
      expect(await repo.isLive('f-live', 'u-live', soon)).toBe(false);
    });

    it('keeps the first revocation time', async () => {
      const s = session();
      await repo.create(s);
      await repo.revokeFamily(s.familyId, now);
      await repo.revokeFamily(s.familyId, later);
      await repo.revokeAllOfUser(s.userId, later);
      expect((await stateOf(s))?.revokedAt).toEqual(now);
    });

    it("revokes every session of a user, optionally sparing one family, and no one else's", async () => {
      const mine1 = session({ userId: 'me', familyId: 'keep' });
      const mine2 = session({ userId: 'me' });
      const theirs = session({ userId: 'them' });
      for (const s of [mine1, mine2, theirs]) await repo.create(s);
      await repo.revokeAllOfUser('me', later, 'keep');
      expect((await stateOf(mine1))?.revokedAt).toBeNull();
      expect((await stateOf(mine2))?.revokedAt).toEqual(later);
      await repo.revokeAllOfUser('me', later);
      expect((await stateOf(mine1))?.revokedAt).toEqual(later);
      expect((await stateOf(theirs))?.revokedAt).toBeNull();
    });

    it('forgets writes of a transaction that failed', async () => {
      const s = session();
      await repo.create(s);
      await expect(
        uow.run(async () => {
          await repo.markRotated(s.id, later);
          await repo.create(session());
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await stateOf(s)).toMatchObject({ rotatedAt: null });
      expect(await repo.markRotated(s.id, later)).toBe(true);
    });
  });
}
