import { emptyListQuery } from '../../../../src/application/shared/ListQuery';
import { Forbidden, NotFound } from '../../../../src/domain/shared/errors';
import { UserMother } from '../../../mothers/UserMother';
import { accountsKit } from '../accountsKit';

describe('GetUser', () => {
  it('shows users themselves, and anyone to an admin', async () => {
    const kit = accountsKit();
    const me = UserMother.traveller();
    const admin = UserMother.admin();
    await kit.given(me, admin);
    expect((await kit.getUser.execute({ userId: me.id, role: 'USER' }, me.id)).id).toBe(me.id);
    expect((await kit.getUser.execute({ userId: admin.id, role: 'ADMIN' }, me.id)).id).toBe(me.id);
  });

  it('answers 404 to a non-admin asking about someone else, and for unknown ids', async () => {
    const kit = accountsKit();
    const me = UserMother.traveller();
    const other = UserMother.traveller();
    await kit.given(me, other);
    await expect(kit.getUser.execute({ userId: me.id, role: 'GUIDE' }, other.id)).rejects.toThrow(NotFound);
    await expect(kit.getUser.execute({ userId: me.id, role: 'ADMIN' }, 'ghost')).rejects.toThrow(expect.objectContaining({ code: 'USER.NOT_FOUND' }));
  });
});

describe('ListUsers', () => {
  it('pages users for admins', async () => {
    const kit = accountsKit();
    await kit.given(UserMother.traveller(), UserMother.traveller(), UserMother.guide());
    const page = await kit.listUsers.execute({ userId: 'a', role: 'SUPER_ADMIN' }, emptyListQuery({ limit: 2, filters: { role: 'USER' } }));
    expect(page.total).toBe(2);
    expect(page.items.every((u) => u.role === 'USER')).toBe(true);
  });

  it.each(['USER', 'GUIDE'] as const)('refuses a %s', async (role) => {
    const kit = accountsKit();
    await expect(kit.listUsers.execute({ userId: 'x', role }, emptyListQuery())).rejects.toThrow(Forbidden);
  });
});
