import type { PasswordResetRecord, PasswordResetRepository } from '../../src/application/ports/PasswordResetRepository';
import type { UnitOfWork } from '../../src/application/ports/UnitOfWork';

const created = new Date('2026-03-01T10:00:00.000Z');
const expires = new Date('2026-03-01T10:10:00.000Z');
let n = 0;

function record(userId = 'u-1'): PasswordResetRecord {
  n += 1;
  return { id: `r-${n}`, userId, tokenHash: `reset-${n}`.padEnd(64, 'f'), createdAt: created, expiresAt: expires };
}

export interface PasswordResetSubject {
  resets: PasswordResetRepository;
  uow: UnitOfWork;
}

/** Every PasswordResetRepository adapter must pass this. `makeAdapter` returns an empty store. */
export function describePasswordResetRepositoryContract(name: string, makeAdapter: () => Promise<PasswordResetSubject>): void {
  describe(`PasswordResetRepository contract: ${name}`, () => {
    let repo: PasswordResetRepository;
    let uow: UnitOfWork;

    beforeEach(async () => {
      ({ resets: repo, uow } = await makeAdapter());
    });

    it('consumes a token once, answering its user', async () => {
      const r = record('u-7');
      await repo.create(r);
      expect(await repo.consume(r.tokenHash, created)).toEqual({ userId: 'u-7' });
      expect(await repo.consume(r.tokenHash, created)).toBeNull();
    });

    it('checks a token without using it', async () => {
      const r = record('u-8');
      await repo.create(r);
      expect(await repo.findUsable(r.tokenHash, created)).toEqual({ userId: 'u-8' });
      expect(await repo.findUsable(r.tokenHash, expires)).toBeNull();
      expect(await repo.findUsable('unknown'.padEnd(64, 'f'), created)).toBeNull();
      expect(await uow.run(() => repo.consume(r.tokenHash, created))).toEqual({ userId: 'u-8' });
      expect(await repo.findUsable(r.tokenHash, created)).toBeNull();
    });

    it("voids every unused token of a user, and nobody else's", async () => {
      const [a, b, other] = [record('u-9'), record('u-9'), record('u-10')];
      for (const r of [a, b, other]) await repo.create(r);
      await uow.run(() => repo.voidAllOfUser('u-9', created));
      expect(await repo.findUsable(a.tokenHash, created)).toBeNull();
      expect(await uow.run(() => repo.consume(b.tokenHash, created))).toBeNull();
      expect(await repo.findUsable(other.tokenHash, created)).toEqual({ userId: 'u-10' });
    });

    it('answers null for an unknown token', async () => {
      await repo.create(record());
      expect(await repo.consume('nope'.padEnd(64, 'f'), created)).toBeNull();
    });

    it('is valid until just before it expires, and never from then on', async () => {
      const early = record();
      const late = record();
      await repo.create(early);
      await repo.create(late);
      expect(await repo.consume(early.tokenHash, new Date(expires.getTime() - 1))).toEqual({ userId: 'u-1' });
      expect(await repo.consume(late.tokenHash, expires)).toBeNull();
      expect(await repo.consume(late.tokenHash, new Date(expires.getTime() + 60_000))).toBeNull();
    });

    it('keeps tokens independent', async () => {
      const a = record('u-a');
      const b = record('u-b');
      await repo.create(a);
      await repo.create(b);
      await repo.consume(a.tokenHash, created);
      expect(await repo.consume(b.tokenHash, created)).toEqual({ userId: 'u-b' });
    });

    it('lets exactly one of 10 concurrent consumers win', async () => {
      const r = record();
      await repo.create(r);
      const outcomes = await Promise.all(Array.from({ length: 10 }, () => uow.run(() => repo.consume(r.tokenHash, created))));
      expect(outcomes.filter((o) => o !== null)).toHaveLength(1);
      const bare = record();
      await repo.create(bare);
      const direct = await Promise.all(Array.from({ length: 10 }, () => repo.consume(bare.tokenHash, created)));
      expect(direct.filter((o) => o !== null)).toHaveLength(1);
    });

    it('gives the token back when the consuming transaction fails', async () => {
      const r = record();
      await repo.create(r);
      await expect(
        uow.run(async () => {
          expect(await repo.consume(r.tokenHash, created)).not.toBeNull();
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await repo.consume(r.tokenHash, created)).toEqual({ userId: 'u-1' });
    });
  });
}
