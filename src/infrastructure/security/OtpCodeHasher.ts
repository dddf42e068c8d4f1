import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The keyed hash stored instead of a code. The email is part of the message, so a code
 * saved for one address can never match for another, and a store dump yields no codes.
 */
export class OtpCodeHasher {
  constructor(private readonly key: string) {}

  hash(email: string, code: string): string {
    return createHmac('sha256', this.key).update(`${email}\n${code}`).digest('hex');
  }

  matches(stored: string, email: string, code: string): boolean {
    const given = Buffer.from(this.hash(email, code), 'hex');
    const expected = Buffer.from(stored, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
