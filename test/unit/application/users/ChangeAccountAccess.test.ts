import { ChangeAccountAccess } from '../../../../src/application/users/ChangeAccountAccess';
import { RefreshSession } from '../../../../src/domain/session/RefreshSession';
import { Forbidden, NotFound } from '../../../../src/domain/shared/errors';
import { FakeClock } from '../../../fakes/FakeClock';
import { InMemorySessionRepository } from '../../../fakes/InMemorySessionRepository';
import { InMemoryUnitOfWork } from '../../../fakes/InMemoryUnitOfWork';
import { InMemoryUserRepository } from '../../../fakes/InMemoryUserRepository';
import { UserMother } from '../../../mothers/UserMother';

const OPERATOR = { userId: 'admin-cli', role: 'SUPER_ADMIN' as const };

function kit() {
  const clock = new FakeClock();
  const users = new InMemoryUserRepository();
  const sessions = new InMemorySessionRepository();
  const useCase = new ChangeAccountAccess(users, sessions, new InMemoryUnitOfWork([users, sessions]), clock);
  const sessionOf = async (userId: string, id: string) =>
    sessions.create(RefreshSession.restore({ id, userId, familyId: id, tokenHash: `hash-${id}`, expiresAt: new Date('2026-04-01T00:00:00Z'), createdAt: clock.now(), rotatedAt: null, revokedAt: null }));
  return { clock, users, sessions, useCase, sessionOf };
}

describe('ChangeAccountAccess', () => {
  it('blocks an account found by email (any case) and revokes every one of its sessions', async () => {
    const { users, sessions, useCase, sessionOf, clock } = kit();
    const target = UserMother.traveller({ email: 'rowdy@example.com' });
    const bystander = UserMother.traveller();
    await users.save(target);
    await users.save(bystander);
    await sessionOf(target.id, 's1');
    await sessionOf(target.id, 's2');
    await sessionOf(bystander.id, 's3');

    const blocked = await useCase.execute(OPERATOR, { email: 'Rowdy@Example.com', status: 'BLOCKED' });

    expect(blocked.status).toBe('BLOCKED');
    expect((await users.findById(target.id))!.status).toBe('BLOCKED');
    expect(sessions.all().map((s) => [s.id, s.revokedAt])).toEqual([['s1', clock.now()], ['s2', clock.now()], ['s3', null]]);
  });

  it('unblocks and changes the role without touching sessions', async () => {
    const { users, sessions, useCase, sessionOf } = kit();
    const target = UserMother.traveller({ email: 'back@example.com', status: 'BLOCKED' });
    await users.save(target);
    await sessionOf(target.id, 's1');

    await useCase.execute(OPERATOR, { email: 'back@example.com', status: 'ACTIVE' });
    const promoted = await useCase.execute(OPERATOR, { email: 'back@example.com', role: 'GUIDE' });

    expect([promoted.status, promoted.role]).toEqual(['ACTIVE', 'GUIDE']);
    expect(sessions.all()[0].revokedAt).toBeNull();
  });

  it('answers NotFound for an unknown email and keeps the entity rules for a plain admin', async () => {
    const { users, useCase } = kit();
    const boss = UserMother.create({ email: 'boss@example.com', role: 'SUPER_ADMIN' });
    await users.save(boss);

    await expect(useCase.execute(OPERATOR, { email: 'nobody@example.com', status: 'BLOCKED' })).rejects.toThrow(NotFound);
    await expect(useCase.execute({ userId: 'an-admin', role: 'ADMIN' }, { email: 'boss@example.com', status: 'BLOCKED' })).rejects.toThrow(Forbidden);
    expect((await users.findById(boss.id))!.status).toBe('ACTIVE');
  });
});
