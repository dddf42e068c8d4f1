import { UpdateUser } from '../../../../src/application/users/UpdateUser';
import { RefreshSession } from '../../../../src/domain/session/RefreshSession';
import { Forbidden, NotFound } from '../../../../src/domain/shared/errors';
import { FakeClock } from '../../../fakes/FakeClock';
import { InMemorySessionRepository } from '../../../fakes/InMemorySessionRepository';
import { InMemorySessionStandingCache } from '../../../fakes/InMemorySessionStandingCache';
import { InMemoryUnitOfWork } from '../../../fakes/InMemoryUnitOfWork';
import { InMemoryUserRepository } from '../../../fakes/InMemoryUserRepository';
import { UserMother } from '../../../mothers/UserMother';

const OPERATOR = { userId: 'admin-cli', role: 'SUPER_ADMIN' as const };

function kit() {
  const clock = new FakeClock();
  const users = new InMemoryUserRepository();
  const sessions = new InMemorySessionRepository();
  const standings = new InMemorySessionStandingCache(clock);
  const useCase = new UpdateUser(users, sessions, standings, new InMemoryUnitOfWork(), clock);
  const sessionOf = async (userId: string, id: string) =>
    sessions.create(RefreshSession.restore({ id, userId, familyId: id, tokenHash: `hash-${id}`, expiresAt: new Date('2026-04-01T00:00:00Z'), createdAt: clock.now(), rotatedAt: null, revokedAt: null }));
  return { clock, users, sessions, standings, useCase, sessionOf };
}

/** Account access (block, unblock, role) through UpdateUser: the one use case behind `PATCH /user/:id` and the CLI. */
describe('UpdateUser: account access', () => {
  it('blocks an account found by email (any case) and revokes every one of its sessions', async () => {
    const { users, sessions, useCase, sessionOf, clock } = kit();
    const target = UserMother.traveller({ email: 'rowdy@example.com' });
    const bystander = UserMother.traveller();
    await users.save(target);
    await users.save(bystander);
    await sessionOf(target.id, 's1');
    await sessionOf(target.id, 's2');
    await sessionOf(bystander.id, 's3');

    const blocked = await useCase.execute(OPERATOR, { email: 'Rowdy@Example.com' }, { status: 'BLOCKED' });

    expect(blocked.status).toBe('BLOCKED');
    expect((await users.findById(target.id))!.status).toBe('BLOCKED');
    expect(sessions.all().map((s) => [s.id, s.revokedAt])).toEqual([['s1', clock.now()], ['s2', clock.now()], ['s3', null]]);
  });

  it.each([
    ['blocked by id', { status: 'BLOCKED' as const }],
    ['deactivated', { status: 'INACTIVE' as const }],
    ['deleted', { isDeleted: true }],
  ])('an account %s loses its sessions, and a later unblock does not bring them back', async (_how, change) => {
    const { users, sessions, useCase, sessionOf } = kit();
    const admin = UserMother.create({ role: 'ADMIN' });
    const target = UserMother.traveller();
    await users.save(admin);
    await users.save(target);
    await sessionOf(target.id, 'before');

    await useCase.execute({ userId: admin.id, role: 'ADMIN' }, target.id, change);
    await useCase.execute({ userId: admin.id, role: 'ADMIN' }, target.id, { status: 'ACTIVE', isDeleted: false });

    expect(await sessions.isLive('before', target.id, new Date('2026-03-02T00:00:00Z'))).toBe(false);
  });

  it('forgets what the session check cached about the account when its role or status changes', async () => {
    const { users, standings, useCase } = kit();
    const target = UserMother.traveller({ email: 'cached@example.com' });
    await users.save(target);
    await standings.remember(target.id, 'family', { active: true, role: 'USER' }, 60_000);

    await useCase.execute(OPERATOR, target.id, { role: 'GUIDE' });

    expect(await standings.recall(target.id, 'family')).toBeNull();
  });

  it('unblocks and changes the role without touching sessions', async () => {
    const { users, sessions, useCase, sessionOf } = kit();
    const target = UserMother.traveller({ email: 'back@example.com', status: 'BLOCKED' });
    await users.save(target);
    await sessionOf(target.id, 's1');

    await useCase.execute(OPERATOR, { email: 'back@example.com' }, { status: 'ACTIVE' });
    const promoted = await useCase.execute(OPERATOR, { email: 'back@example.com' }, { role: 'GUIDE' });

    expect([promoted.status, promoted.role]).toEqual(['ACTIVE', 'GUIDE']);
    expect(sessions.all()[0].revokedAt).toBeNull();
  });

  it('answers NotFound for an unknown email and keeps the entity rules for a plain admin', async () => {
    const { users, useCase } = kit();
    const boss = UserMother.create({ email: 'boss@example.com', role: 'SUPER_ADMIN' });
    await users.save(boss);

    await expect(useCase.execute(OPERATOR, { email: 'nobody@example.com' }, { status: 'BLOCKED' })).rejects.toThrow(NotFound);
    await expect(useCase.execute({ userId: 'an-admin', role: 'ADMIN' }, { email: 'boss@example.com' }, { status: 'BLOCKED' })).rejects.toThrow(Forbidden);
    expect((await users.findById(boss.id))!.status).toBe('ACTIVE');
  });
});
