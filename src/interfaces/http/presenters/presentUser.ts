import type { User } from '../../../domain/user/User';

export type PresentedUser = ReturnType<typeof presentUser>;

/** A user as the API shows it: never the password hash; `_id` and `id` for old and new clients. */
export function presentUser(user: User, pictureUrl?: (key: string) => string) {
  return {
    _id: user.id,
    id: user.id,
    name: user.name,
    email: user.email.value,
    phone: user.phone,
    address: user.address,
    picture: user.picture && pictureUrl ? pictureUrl(user.picture) : user.picture,
    role: user.role,
    isActive: user.status,
    isVerified: user.isVerified,
    isDeleted: user.isDeleted,
    hasPassword: Boolean(user.passwordHash),
    auths: [
      ...(user.passwordHash ? [{ provider: 'credentials', providerId: user.email.value }] : []),
      ...(user.googleId ? [{ provider: 'google', providerId: user.googleId }] : []),
    ],
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}
