import { ValidationFailed } from '../../../../src/domain/shared/errors';
import { assertStrongPassword } from '../../../../src/domain/user/PasswordPolicy';

describe('assertStrongPassword', () => {
  it.each(['Abcdef1!', 'Str0ng!pass', `A1!${'x'.repeat(125)}`, 'PASSWORD9^'])('accepts %p', (password) => {
    expect(assertStrongPassword(password)).toBe(password);
  });

  it.each([
    ['too short', 'Ab1!', 'be 8 to 128 characters long'],
    ['too long', `A1!${'x'.repeat(126)}`, 'be 8 to 128 characters long'],
    ['no uppercase', 'abcdef1!', 'contain an uppercase letter'],
    ['no digit', 'Abcdefg!', 'contain a digit'],
    ['no special character', 'Abcdefg1', 'contain one of !@#$%^&*'],
    ['only other punctuation', 'Abcdefg1?', 'contain one of !@#$%^&*'],
  ])('refuses a password that is %s', (_why, password, problem) => {
    expect(() => assertStrongPassword(password)).toThrow(ValidationFailed);
    expect(() => assertStrongPassword(password)).toThrow(problem);
  });

  it('lists every problem at once under the given field', () => {
    let thrown: ValidationFailed | undefined;
    try {
      assertStrongPassword('abc', 'newPassword');
    } catch (error) {
      thrown = error as ValidationFailed;
    }
    expect(thrown?.problems).toEqual([
      { path: 'newPassword', message: 'must be 8 to 128 characters long, contain an uppercase letter, contain a digit, contain one of !@#$%^&*' },
    ]);
  });

  it('refuses what is not a string', () => {
    expect(() => assertStrongPassword(12345678 as unknown)).toThrow(ValidationFailed);
    expect(() => assertStrongPassword(undefined)).toThrow(ValidationFailed);
  });
});
