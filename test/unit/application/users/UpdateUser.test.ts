import { Forbidden, NotFound, ValidationFailed } from '../../../../src/domain/shared/errors';
import { UserMother } from '../../../mothers/UserMother';
import { accountsKit } from '../accountsKit';

const as = (user: { id: string; role: any }) => ({ userId: user.id, role: user.role });

describe('UpdateUser', () => {
  it('saves the owner’s profile changes with a normalised phone', async () => {
    const kit = accountsKit();
    const user = UserMother.traveller();
    await kit.given(user);
    kit.clock.advance(5000);
    await kit.updateUser.execute(as(user), user.id, { name: 'New Name', phone: '018-1234-5678', address: 'Sylhet' });
    const stored = await kit.users.findById(user.id);
    expect(stored?.toProps()).toMatchObject({ name: 'New Name', phone: '01812345678', address: 'Sylhet', updatedAt: kit.clock.now() });
  });

  it('refuses an invalid phone naming the field', async () => {
    const kit = accountsKit();
    const user = UserMother.traveller();
    await kit.given(user);
    await expect(kit.updateUser.execute(as(user), user.id, { phone: '12345' })).rejects.toThrow(
      expect.objectContaining({ constructor: ValidationFailed, problems: [expect.objectContaining({ path: 'phone' })] }),
    );
  });

  it('tells a non-admin nothing about other accounts (404, not 403)', async () => {
    const kit = accountsKit();
    const me = UserMother.traveller();
    const other = UserMother.traveller();
    await kit.given(me, other);
    await expect(kit.updateUser.execute(as(me), other.id, { name: 'Hacked' })).rejects.toThrow(NotFound);
    await expect(kit.updateUser.execute(as(me), 'ghost', { name: 'Hacked' })).rejects.toThrow(NotFound);
    expect((await kit.users.findById(other.id))?.name).toBe(other.name);
  });

  it('lets an admin block, verify and promote a traveller', async () => {
    const kit = accountsKit();
    const admin = UserMother.admin();
    const user = UserMother.unverified();
    await kit.given(admin, user);
    await kit.updateUser.execute(as(admin), user.id, { role: 'GUIDE', status: 'BLOCKED', isVerified: true });
    expect((await kit.users.findById(user.id))?.toProps()).toMatchObject({ role: 'GUIDE', status: 'BLOCKED', isVerified: true });
  });

  it.each([
    ['an admin edits a super admin', () => UserMother.admin(), () => UserMother.superAdmin(), { name: 'Renamed' }],
    ['an admin grants super admin', () => UserMother.admin(), () => UserMother.traveller(), { role: 'SUPER_ADMIN' as const }],
    ['a traveller verifies themselves', null, () => UserMother.unverified(), { isVerified: true }],
    ['a super admin demotes themselves', null, () => UserMother.superAdmin(), { role: 'ADMIN' as const }],
  ])('refuses when %s and stores nothing', async (_why, makeActor, makeTarget, changes) => {
    const kit = accountsKit();
    const target = makeTarget();
    const actor = makeActor ? makeActor() : target;
    await kit.given(...new Set([actor, target]));
    await expect(kit.updateUser.execute(as(actor), target.id, changes)).rejects.toThrow(Forbidden);
    expect((await kit.users.findById(target.id))?.toProps()).toEqual(target.toProps());
  });

  it('lets a super admin manage another super admin', async () => {
    const kit = accountsKit();
    const boss = UserMother.superAdmin();
    const other = UserMother.superAdmin();
    await kit.given(boss, other);
    await kit.updateUser.execute(as(boss), other.id, { role: 'ADMIN' });
    expect((await kit.users.findById(other.id))?.role).toBe('ADMIN');
  });
});
