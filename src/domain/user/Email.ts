import { ValidationFailed } from '../shared/errors';

const SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** An email address, trimmed and lower-cased so one mailbox is one account. */
export class Email {
  private constructor(readonly value: string) {}

  static create(raw: string, path = 'email'): Email {
    const value = String(raw ?? '').trim().toLowerCase();
    if (value.length > 254 || !SHAPE.test(value)) throw ValidationFailed.field(path, 'must be a valid email address');
    return new Email(value);
  }

  toString(): string {
    return this.value;
  }
}
