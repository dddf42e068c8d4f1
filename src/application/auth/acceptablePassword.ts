import { assertStrongPassword } from '../../domain/user/PasswordPolicy';
import type { CommonPasswords } from '../ports/CommonPasswords';

/** The password rule with the list of leaked passwords: what every use case that sets a password applies. */
export function acceptablePassword(common: CommonPasswords, password: unknown, path = 'password'): string {
  return assertStrongPassword(password, path, (candidate) => common.includes(candidate));
}
