import { Accounts1763900000000 } from './1763900000000-Accounts';
import { Catalogue1763900001000 } from './1763900001000-Catalogue';

/** Every migration, oldest first. Add new ones at the end. */
export const migrations = [Accounts1763900000000, Catalogue1763900001000];
