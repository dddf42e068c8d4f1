import { Conflict, Forbidden } from '../../../../src/domain/shared/errors';
import { Email } from '../../../../src/domain/user/Email';
import type { Actor, Role } from '../../../../src/domain/user/Role';
import type { AdminChanges} from '../../../../src/domain/user/User';
import { User } from '../../../../src/domain/user/User';
import { FakePasswordHasher } from '../../../fakes/FakePasswordHasher';
import { UserMother } from '../../../mothers/UserMother';

const now = new Date('2026-03-01T10:00:00.000Z');
const later = new Date('2026-03-01T11:00:00.000Z');

function actorFor(user: User): Actor {
  return { userId: user.id, role: user.role };
}

function otherActor(role: Role): Actor {
  return { userId: `someone-else-${role}`, role };
}

describe('User', () => {
  describe('register', () => {
    it('starts as an active, unverified traveller with a trimmed name', () => {
      const user = User.register({ id: 'u1', name: '  Rahim  ', email: Email.create('R@Example.com'), passwordHash: 'h', now });
      expect(user.toProps()).toMatchObject({
        id: 'u1', name: 'Rahim', role: 'USER', status: 'ACTIVE', isVerified: false, isDeleted: false,
        phone: null, address: null, picture: null, googleId: null, createdAt: now, updatedAt: now,
      });
      expect(user.email.value).toBe('r@example.com');
    });
  });

  describe('assertMayLogIn', () => {
    it('lets an active, verified, undeleted user in', () => {
      expect(() => UserMother.traveller().assertMayLogIn()).not.toThrow();
    });

    it.each([
      ['deleted before anything else', { isDeleted: true, status: 'BLOCKED', isVerified: false }, 'USER.DELETED', 'User is deleted'],
      ['blocked before inactive or unverified', { status: 'BLOCKED', isVerified: false }, 'USER.BLOCKED', 'User is blocked'],
      ['inactive before unverified', { status: 'INACTIVE', isVerified: false }, 'USER.INACTIVE', 'User is inactive'],
      ['unverified, with the exact message clients match on', { isVerified: false }, 'USER.NOT_VERIFIED', 'User is not verified'],
    ] as const)('refuses a user who is %s', (_case, overrides, code, message) => {
      const user = UserMother.create(overrides);
      let thrown: unknown;
      try {
        user.assertMayLogIn();
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(Forbidden);
      expect(thrown).toMatchObject({ code, message });
    });
  });

  it('may book only when verified, active and not deleted', () => {
    expect(UserMother.traveller().mayBook).toBe(true);
    expect(UserMother.unverified().mayBook).toBe(false);
    expect(UserMother.blocked().mayBook).toBe(false);
    expect(UserMother.deleted().mayBook).toBe(false);
  });

  it('sets a first password only when it has none', () => {
    const google = UserMother.googleOnly();
    google.setFirstPassword('new-hash', later);
    expect(google.passwordHash).toBe('new-hash');
    expect(google.updatedAt).toEqual(later);
    expect(() => UserMother.traveller().setFirstPassword('x', later)).toThrow(Conflict);
  });

  it('is verified by linking Google', () => {
    const user = UserMother.unverified();
    user.linkGoogle('g-123', later);
    expect(user.googleId).toBe('g-123');
    expect(user.isVerified).toBe(true);
  });

  it('drops a password set before the address was proven when Google links it, keeps a verified one', () => {
    const squatted = UserMother.unverified();
    squatted.linkGoogle('g-1', later);
    expect(squatted.passwordHash).toBeNull();
    const verified = UserMother.traveller();
    verified.linkGoogle('g-2', later);
    expect(verified.passwordHash).toBe(FakePasswordHasher.hashOf(UserMother.PASSWORD));
    expect(() => verified.linkGoogle('g-3', later)).toThrow(expect.objectContaining({ code: 'USER.GOOGLE_ACCOUNT_MISMATCH' }));
  });

  describe('applyChanges', () => {
    type Case = [string, () => { target: User; actor: Actor }, AdminChanges, 'ok' | 'forbidden'];
    const self = (make: () => User) => () => {
      const target = make();
      return { target, actor: actorFor(target) };
    };
    const by = (role: Role, make: () => User) => () => ({ target: make(), actor: otherActor(role) });

    const cases: Case[] = [
      ['a traveller edits their own profile', self(() => UserMother.traveller()), { name: 'New Name', phone: '01812345678', address: 'Sylhet' }, 'ok'],
      ['a traveller makes themselves admin', self(() => UserMother.traveller()), { role: 'ADMIN' }, 'forbidden'],
      ['a traveller verifies themselves', self(() => UserMother.unverified()), { isVerified: true }, 'forbidden'],
      ['a traveller reactivates themselves', self(() => UserMother.inactive()), { status: 'ACTIVE' }, 'forbidden'],
      ['a traveller edits someone else', by('USER', () => UserMother.traveller()), { name: 'Hacked' }, 'forbidden'],
      ['a guide edits someone else', by('GUIDE', () => UserMother.traveller()), { name: 'Hacked' }, 'forbidden'],
      ['an admin promotes a traveller to admin', by('ADMIN', () => UserMother.traveller()), { role: 'ADMIN' }, 'ok'],
      ['an admin promotes a traveller to super admin', by('ADMIN', () => UserMother.traveller()), { role: 'SUPER_ADMIN' }, 'forbidden'],
      ['an admin blocks, verifies and deletes a traveller', by('ADMIN', () => UserMother.unverified()), { status: 'BLOCKED', isVerified: true, isDeleted: true }, 'ok'],
      ['an admin demotes another admin', by('ADMIN', () => UserMother.admin()), { role: 'USER' }, 'ok'],
      ['an admin renames a super admin', by('ADMIN', () => UserMother.superAdmin()), { name: 'Renamed' }, 'forbidden'],
      ['an admin blocks a super admin', by('ADMIN', () => UserMother.superAdmin()), { status: 'BLOCKED' }, 'forbidden'],
      ['a super admin grants super admin', by('SUPER_ADMIN', () => UserMother.admin()), { role: 'SUPER_ADMIN' }, 'ok'],
      ['a super admin edits another super admin', by('SUPER_ADMIN', () => UserMother.superAdmin()), { name: 'Other', status: 'INACTIVE' }, 'ok'],
      ['an admin demotes themselves', self(() => UserMother.admin()), { role: 'USER' }, 'forbidden'],
      ['an admin blocks themselves', self(() => UserMother.admin()), { status: 'BLOCKED' }, 'forbidden'],
      ['an admin deletes themselves', self(() => UserMother.admin()), { isDeleted: true }, 'forbidden'],
      ['a super admin demotes themselves', self(() => UserMother.superAdmin()), { role: 'ADMIN' }, 'forbidden'],
      ['a super admin deactivates themselves', self(() => UserMother.superAdmin()), { status: 'INACTIVE' }, 'forbidden'],
      ['a super admin edits their own profile and restates their role', self(() => UserMother.superAdmin()), { name: 'Boss', role: 'SUPER_ADMIN', status: 'ACTIVE' }, 'ok'],
      ['an admin edits their own profile', self(() => UserMother.admin()), { name: 'Me', isDeleted: false }, 'ok'],
    ];

    it.each(cases)('%s → %s', (_name, setup, changes, expected) => {
      const { target, actor } = setup();
      const before = target.toProps();
      if (expected === 'forbidden') {
        expect(() => target.applyChanges(actor, changes, later)).toThrow(Forbidden);
        expect(target.toProps()).toEqual(before);
        return;
      }
      target.applyChanges(actor, changes, later);
      const after = target.toProps() as unknown as Record<string, unknown>;
      for (const [key, value] of Object.entries(changes)) expect(after[key]).toEqual(value);
      expect(target.updatedAt).toEqual(later);
      expect(target.email).toEqual(before.email);
    });

    it('leaves fields that were not mentioned alone', () => {
      const user = UserMother.traveller({ phone: '01712345678', address: 'Khulna' });
      user.applyChanges(actorFor(user), { name: 'Only Name' }, later);
      expect(user.phone).toBe('01712345678');
      expect(user.address).toBe('Khulna');
    });

    it('clears a field set to null', () => {
      const user = UserMother.traveller({ address: 'Khulna' });
      user.applyChanges(actorFor(user), { address: null }, later);
      expect(user.address).toBeNull();
    });
  });
});
