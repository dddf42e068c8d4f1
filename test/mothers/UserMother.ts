import { Email } from '../../src/domain/user/Email';
import type { UserProps } from '../../src/domain/user/User';
import { User } from '../../src/domain/user/User';
import { FakePasswordHasher } from '../fakes/FakePasswordHasher';

let n = 0;

export type UserOverrides = Partial<Omit<UserProps, 'email'>> & { email?: string };

/** Test users. Every one can log in with `UserMother.PASSWORD` through FakePasswordHasher unless told otherwise. */
export const UserMother = {
  PASSWORD: 'Str0ng!pass',

  create(overrides: UserOverrides = {}): User {
    n += 1;
    const at = overrides.createdAt ?? new Date(Date.UTC(2026, 0, 1, 0, 0, n));
    const { email, ...rest } = overrides;
    return User.restore({
      id: `user-${String(n).padStart(4, '0')}`,
      name: `Traveller ${n}`,
      passwordHash: FakePasswordHasher.hashOf(UserMother.PASSWORD),
      phone: '+8801712345678',
      address: 'Dhanmondi, Dhaka',
      picture: null,
      role: 'USER',
      status: 'ACTIVE',
      isVerified: true,
      isDeleted: false,
      googleId: null,
      createdAt: at,
      updatedAt: at,
      ...rest,
      email: Email.create(email ?? `traveller${n}@example.com`),
    });
  },

  traveller(overrides: UserOverrides = {}): User {
    return UserMother.create({ role: 'USER', ...overrides });
  },

  guide(overrides: UserOverrides = {}): User {
    return UserMother.create({ role: 'GUIDE', ...overrides });
  },

  admin(overrides: UserOverrides = {}): User {
    return UserMother.create({ role: 'ADMIN', name: 'Admin', ...overrides });
  },

  superAdmin(overrides: UserOverrides = {}): User {
    return UserMother.create({ role: 'SUPER_ADMIN', name: 'Super Admin', ...overrides });
  },

  unverified(overrides: UserOverrides = {}): User {
    return UserMother.create({ isVerified: false, ...overrides });
  },

  blocked(overrides: UserOverrides = {}): User {
    return UserMother.create({ status: 'BLOCKED', ...overrides });
  },

  inactive(overrides: UserOverrides = {}): User {
    return UserMother.create({ status: 'INACTIVE', ...overrides });
  },

  deleted(overrides: UserOverrides = {}): User {
    return UserMother.create({ isDeleted: true, ...overrides });
  },

  /** Signed up with Google: no password yet. */
  googleOnly(overrides: UserOverrides = {}): User {
    return UserMother.create({ passwordHash: null, googleId: `google-${n + 1}`, ...overrides });
  },
};
