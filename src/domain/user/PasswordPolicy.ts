import { ValidationFailed } from '../shared/errors';

/** 8-128 characters with an uppercase letter, a digit and one of !@#$%^&*. */
export function assertStrongPassword(password: unknown, path = 'password'): string {
  const value = typeof password === 'string' ? password : '';
  const problems: string[] = [];
  if (value.length < 8 || value.length > 128) problems.push('be 8 to 128 characters long');
  if (!/[A-Z]/.test(value)) problems.push('contain an uppercase letter');
  if (!/\d/.test(value)) problems.push('contain a digit');
  if (!/[!@#$%^&*]/.test(value)) problems.push('contain one of !@#$%^&*');
  if (problems.length) throw ValidationFailed.field(path, `must ${problems.join(', ')}`);
  return value;
}
