export const ROLES = ['SUPER_ADMIN', 'ADMIN', 'GUIDE', 'USER'] as const;
export type Role = (typeof ROLES)[number];

export const ACCOUNT_STATUSES = ['ACTIVE', 'INACTIVE', 'BLOCKED'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export function isAdmin(role: Role): boolean {
  return role === 'ADMIN' || role === 'SUPER_ADMIN';
}

/** Who is asking: the authenticated caller of a use case. */
export interface Actor {
  userId: string;
  role: Role;
  /** The login session the request came through (absent for the admin CLI). */
  sessionId?: string;
}
