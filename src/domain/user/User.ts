import { ERROR_CODES } from '../shared/errorCatalogue';
import { Conflict, Forbidden } from '../shared/errors';
import type { Email } from './Email';
import type { AccountStatus, Actor, Role } from './Role';
import { isAdmin } from './Role';

export interface UserProps {
  id: string;
  name: string;
  email: Email;
  passwordHash: string | null;
  phone: string | null;
  address: string | null;
  picture: string | null;
  role: Role;
  status: AccountStatus;
  isVerified: boolean;
  isDeleted: boolean;
  googleId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface ProfileChanges {
  name?: string;
  phone?: string | null;
  address?: string | null;
  picture?: string | null;
}

export interface AdminChanges extends ProfileChanges {
  role?: Role;
  status?: AccountStatus;
  isDeleted?: boolean;
  isVerified?: boolean;
}

export class User {
  private constructor(private props: UserProps) {}

  static register(input: { id: string; name: string; email: Email; passwordHash: string | null; phone?: string | null; address?: string | null; role?: Role; isVerified?: boolean; googleId?: string | null; now: Date }): User {
    return new User({
      id: input.id,
      name: input.name.trim(),
      email: input.email,
      passwordHash: input.passwordHash,
      phone: input.phone ?? null,
      address: input.address ?? null,
      picture: null,
      role: input.role ?? 'USER',
      status: 'ACTIVE',
      isVerified: input.isVerified ?? false,
      isDeleted: false,
      googleId: input.googleId ?? null,
      createdAt: input.now,
      updatedAt: input.now,
    });
  }

  static restore(props: UserProps): User {
    return new User({ ...props });
  }

  get id(): string { return this.props.id; }
  get name(): string { return this.props.name; }
  get email(): Email { return this.props.email; }
  get passwordHash(): string | null { return this.props.passwordHash; }
  get phone(): string | null { return this.props.phone; }
  get address(): string | null { return this.props.address; }
  get picture(): string | null { return this.props.picture; }
  get role(): Role { return this.props.role; }
  get status(): AccountStatus { return this.props.status; }
  get isVerified(): boolean { return this.props.isVerified; }
  get isDeleted(): boolean { return this.props.isDeleted; }
  get googleId(): string | null { return this.props.googleId; }
  get createdAt(): Date { return this.props.createdAt; }
  get updatedAt(): Date { return this.props.updatedAt; }

  toProps(): UserProps {
    return { ...this.props };
  }

  /** Only called once the password matched, so the answer reveals nothing to a guesser. */
  assertMayLogIn(): void {
    if (this.props.isDeleted) throw new Forbidden('User is deleted', ERROR_CODES.USER.DELETED);
    if (this.props.status === 'BLOCKED') throw new Forbidden('User is blocked', ERROR_CODES.USER.BLOCKED);
    if (this.props.status === 'INACTIVE') throw new Forbidden('User is inactive', ERROR_CODES.USER.INACTIVE);
    if (!this.props.isVerified) throw new Forbidden('User is not verified', ERROR_CODES.USER.NOT_VERIFIED);
  }

  get mayBook(): boolean {
    return this.props.isVerified && this.props.status === 'ACTIVE' && !this.props.isDeleted;
  }

  verify(now: Date): void {
    this.props.isVerified = true;
    this.props.updatedAt = now;
  }

  changePassword(passwordHash: string, now: Date): void {
    this.props.passwordHash = passwordHash;
    this.props.updatedAt = now;
  }

  setFirstPassword(passwordHash: string, now: Date): void {
    if (this.props.passwordHash) throw new Conflict('This account already has a password', ERROR_CODES.USER.PASSWORD_ALREADY_SET);
    this.changePassword(passwordHash, now);
  }

  /**
   * Google vouched for the address. A password set while the address was unproven may be a
   * squatter's (pre-registered to be handed a victim's account), so it is dropped.
   */
  linkGoogle(googleId: string, now: Date): void {
    if (this.props.googleId && this.props.googleId !== googleId) {
      throw new Conflict('This account is linked to another Google account', ERROR_CODES.USER.GOOGLE_ACCOUNT_MISMATCH);
    }
    if (!this.props.isVerified) this.props.passwordHash = null;
    this.props.googleId = googleId;
    this.props.isVerified = true;
    this.props.updatedAt = now;
  }

  /**
   * Applies changes asked by `actor`: the owner edits the profile, admins also the
   * account flags; nobody but a super admin touches a super admin or grants that role.
   */
  applyChanges(actor: Actor, changes: AdminChanges, now: Date): void {
    const self = actor.userId === this.props.id;
    const admin = isAdmin(actor.role);
    if (!self && !admin) throw new Forbidden('You can only edit your own profile');
    if (this.props.role === 'SUPER_ADMIN' && actor.role !== 'SUPER_ADMIN') {
      throw new Forbidden('Only a super admin can edit a super admin');
    }
    const privileged = (['role', 'status', 'isDeleted', 'isVerified'] as const).filter((k) => changes[k] !== undefined);
    if (privileged.length && !admin) throw new Forbidden(`Only admins can change ${privileged.join(', ')}`);
    if (changes.role === 'SUPER_ADMIN' && actor.role !== 'SUPER_ADMIN') {
      throw new Forbidden('Only a super admin can grant SUPER_ADMIN');
    }
    const demotesSelf =
      self &&
      ((changes.role !== undefined && changes.role !== this.props.role) ||
        (changes.status !== undefined && changes.status !== 'ACTIVE') ||
        changes.isDeleted === true);
    if (demotesSelf) throw new Forbidden('You cannot demote, block or delete yourself');
    for (const key of ['name', 'phone', 'address', 'picture', 'role', 'status', 'isDeleted', 'isVerified'] as const) {
      if (changes[key] !== undefined) (this.props as unknown as Record<string, unknown>)[key] = changes[key];
    }
    this.props.updatedAt = now;
  }
}
