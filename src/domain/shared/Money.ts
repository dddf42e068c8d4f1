import { ValidationFailed } from './errors';

const CURRENCY = /^[A-Z]{3}$/;
const MAX_MINOR = Number.MAX_SAFE_INTEGER;

/** An amount in integer minor units (poisha, cents) of one ISO 4217 currency. */
export class Money {
  private constructor(readonly minor: number, readonly currency: string) {}

  static ofMinor(minor: number, currency: string): Money {
    if (!Number.isSafeInteger(minor) || minor < 0 || minor > MAX_MINOR) {
      throw ValidationFailed.field('amount', 'must be a non-negative whole number of minor units');
    }
    if (!CURRENCY.test(currency)) throw ValidationFailed.field('currency', 'must be an ISO 4217 code like BDT');
    return new Money(minor, currency);
  }

  /** From a major-unit number as the API carries it (12500.5 → 1250050 minor); at most two decimals. */
  static fromMajor(major: number, currency: string, path = 'amount'): Money {
    if (typeof major !== 'number' || !Number.isFinite(major) || major < 0) {
      throw ValidationFailed.field(path, 'must be a non-negative number');
    }
    const minor = Math.round(major * 100);
    if (Math.abs(minor - major * 100) > 1e-6) throw ValidationFailed.field(path, 'must have at most two decimals');
    return Money.ofMinor(minor, currency);
  }

  get major(): number {
    return this.minor / 100;
  }

  times(factor: number): Money {
    if (!Number.isSafeInteger(factor) || factor < 0) throw ValidationFailed.field('factor', 'must be a whole number');
    return Money.ofMinor(this.minor * factor, this.currency);
  }

  equals(other: Money): boolean {
    return this.minor === other.minor && this.currency === other.currency;
  }

  /** `25,000.00 BDT`: what people read on an invoice. */
  format(): string {
    const whole = Math.floor(this.minor / 100).toLocaleString('en-US');
    const cents = String(this.minor % 100).padStart(2, '0');
    return `${whole}.${cents} ${this.currency}`;
  }
}
