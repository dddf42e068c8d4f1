import { ValidationFailed } from '../../domain/shared/errors';
import { Money } from '../../domain/shared/Money';

/** Stripe takes these in whole units (docs: currencies, zero-decimal): ¥500 is `500`, not `50000`. */
const ZERO_DECIMAL = new Set(['BIF', 'CLP', 'DJF', 'GNF', 'JPY', 'KMF', 'KRW', 'MGA', 'PYG', 'RWF', 'UGX', 'VND', 'VUV', 'XAF', 'XOF', 'XPF']);
/** And these in thousandths, the last digit 0. */
const THREE_DECIMAL = new Set(['BHD', 'JOD', 'KWD', 'OMR', 'TND']);

/** Our Money keeps every currency in hundredths; Stripe's unit depends on the currency. */
function stripeUnitsOf(hundredths: number, currency: string): number {
  if (ZERO_DECIMAL.has(currency)) return hundredths / 100;
  return THREE_DECIMAL.has(currency) ? hundredths * 10 : hundredths;
}

function hundredthsOf(stripeUnits: number, currency: string): number {
  if (ZERO_DECIMAL.has(currency)) return stripeUnits * 100;
  return THREE_DECIMAL.has(currency) ? stripeUnits / 10 : stripeUnits;
}

/** The `amount` Stripe expects for `money`; a fraction of a zero-decimal currency cannot be charged. */
export function toStripeAmount(money: Money): number {
  const amount = stripeUnitsOf(money.minor, money.currency);
  if (!Number.isSafeInteger(amount)) throw ValidationFailed.field('amount', `must be a whole number of ${money.currency}: Stripe takes no fractions of it`);
  return amount;
}

/** Money from a Stripe amount and its lower-case currency; null when our hundredths cannot hold it exactly. */
export function fromStripeAmount(amount: number | null | undefined, currency: string | null | undefined): Money | null {
  const code = (currency ?? '').toUpperCase();
  if (typeof amount !== 'number' || !/^[A-Z]{3}$/.test(code)) return null;
  const minor = hundredthsOf(amount, code);
  return Number.isSafeInteger(minor) && minor >= 0 ? Money.ofMinor(minor, code) : null;
}
