import { ValidationFailed } from '../shared/errors';

/** The name of a division or tour type: trimmed, 2 to 120 characters. */
export function catalogueName(name: string): string {
  const value = String(name ?? '').trim();
  if (value.length < 2 || value.length > 120) throw ValidationFailed.field('name', 'must be 2 to 120 characters');
  return value;
}
