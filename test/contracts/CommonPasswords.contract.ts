import type { CommonPasswords } from '../../src/application/ports/CommonPasswords';
import { ValidationFailed } from '../../src/domain/shared/errors';
import { assertStrongPassword } from '../../src/domain/user/PasswordPolicy';

/** What every CommonPasswords list must hold, and what the password rule makes of it. */
export function describeCommonPasswordsContract(name: string, make: () => CommonPasswords): void {
  describe(`CommonPasswords contract: ${name}`, () => {
    const list = make();
    const check = (password: string) => assertStrongPassword(password, 'password', (c) => list.includes(c));

    test('holds the most leaked passwords, and not random strings', () => {
      expect(list.includes('password')).toBe(true);
      expect(list.includes('summer')).toBe(true);
      expect(list.includes('vq7#kx!zrt9w')).toBe(false);
    });

    test.each(['P@ssw0rd', 'Summer2024!', 'Password1!', 'Welcome#2025'])('the password rule refuses %s', (password) => {
      expect(() => check(password)).toThrow(ValidationFailed);
      expect(() => check(password)).toThrow(/too common/);
    });

    test('the password rule accepts a password not built on a listed word', () => {
      expect(check('Vq7#kx!Zrt9w')).toBe('Vq7#kx!Zrt9w');
    });
  });
}
