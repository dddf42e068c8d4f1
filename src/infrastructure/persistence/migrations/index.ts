import { Accounts1763900000000 } from './1763900000000-Accounts';

/** Every migration, oldest first. Add new ones at the end. */
export const migrations = [Accounts1763900000000];
