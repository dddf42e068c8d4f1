import { ValidationFailed } from '../shared/errors';

const LEET: Record<string, string> = { '@': 'a', '4': 'a', '0': 'o', '1': 'i', '3': 'e', '$': 's', '5': 's', '7': 't' };

/**
 * The forms in which a password shows up in lists of leaked ones: lower case, common letter swaps
 * undone, and the digits and symbols people pad a word with (`Summer2024!`) dropped.
 */
export function commonPasswordCandidates(password: string): string[] {
  const lower = password.toLowerCase();
  const unswapped = lower.replace(/[@40135$7]/g, (c) => LEET[c]);
  const core = (word: string) => word.replace(/^[^a-z]+|[^a-z]+$/g, '');
  return [...new Set([lower, unswapped, core(lower), core(unswapped)])].filter((c) => c.length >= 4);
}

/**
 * 8-128 characters with an uppercase letter, a digit and one of !@#$%^&*, and not a common
 * password in disguise (`isCommon` looks a candidate up in a list of leaked passwords).
 */
export function assertStrongPassword(password: unknown, path = 'password', isCommon: (candidate: string) => boolean = () => false): string {
  const value = typeof password === 'string' ? password : '';
  const problems: string[] = [];
  if (value.length < 8 || value.length > 128) problems.push('be 8 to 128 characters long');
  if (!/[A-Z]/.test(value)) problems.push('contain an uppercase letter');
  if (!/\d/.test(value)) problems.push('contain a digit');
  if (!/[!@#$%^&*]/.test(value)) problems.push('contain one of !@#$%^&*');
  if (problems.length) throw ValidationFailed.field(path, `must ${problems.join(', ')}`);
  if (commonPasswordCandidates(value).some(isCommon)) {
    throw ValidationFailed.field(path, 'is too common: it (or the word it is built on) appears in lists of leaked passwords');
  }
  return value;
}
