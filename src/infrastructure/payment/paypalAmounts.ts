import { ValidationFailed } from '../../domain/shared/errors';
import { Money } from '../../domain/shared/Money';

/** What PayPal takes (REST currency codes); no BDT. */
export const PAYPAL_CURRENCIES = [
  'AUD', 'BRL', 'CAD', 'CNY', 'CZK', 'DKK', 'EUR', 'HKD', 'HUF', 'ILS', 'JPY', 'MYR', 'MXN', 'TWD', 'NZD', 'NOK', 'PHP', 'PLN', 'GBP', 'SGD', 'SEK', 'CHF', 'THB', 'USD',
] as const;

/** PayPal refuses decimals in these. */
const NO_DECIMALS = new Set(['HUF', 'JPY', 'TWD']);

/** `{ currency_code, value }` as PayPal writes amounts: a decimal string (`"25.50"`, `"500"` for yen). */
export interface PayPalAmount {
  currency_code: string;
  value: string;
}

export function toPayPalAmount(money: Money): PayPalAmount {
  const whole = Math.floor(money.minor / 100);
  const cents = money.minor % 100;
  if (NO_DECIMALS.has(money.currency)) {
    if (cents !== 0) throw ValidationFailed.field('amount', `must be a whole number of ${money.currency}: PayPal takes no fractions of it`);
    return { currency_code: money.currency, value: String(whole) };
  }
  return { currency_code: money.currency, value: `${whole}.${String(cents).padStart(2, '0')}` };
}

/** Money from a PayPal amount; null when it is not a plain decimal of at most two places. */
export function fromPayPalAmount(amount: Partial<PayPalAmount> | undefined): Money | null {
  const match = /^(\d{1,15})(?:\.(\d{1,2}))?$/.exec(amount?.value ?? '');
  if (!match || !/^[A-Z]{3}$/.test(amount?.currency_code ?? '')) return null;
  return Money.ofMinor(Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0')), amount!.currency_code!);
}
