import type { BilledAmounts, Invoice } from '../../domain/invoice/Invoice';
import { ERROR_CODES } from '../../domain/shared/errorCatalogue';
import { Conflict } from '../../domain/shared/errors';
import { Money } from '../../domain/shared/Money';
import type { BillingRecord } from '../ports/BillingQueries';

/** The company on the invoice's letterhead. */
export interface Seller {
  name: string;
  address: string;
}

/** `1 March 2026`: how documents print a day. */
export const formatDay = (date: Date | null): string | null =>
  date ? date.toLocaleDateString('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }) : null;
const day = formatDay;

/** guests × unit price = the amount paid; the booking fixed the unit price, so the division is exact. */
export function billedAmounts(bill: BillingRecord): BilledAmounts {
  const { amount, guestCount } = bill;
  if (guestCount < 1 || amount.minor % guestCount !== 0) {
    throw new Conflict(`Payment ${bill.paymentId}: ${amount.format()} does not split into ${guestCount} equal seats`, ERROR_CODES.INVOICE.AMOUNTS_INCONSISTENT);
  }
  return { guestCount, unitPrice: Money.ofMinor(amount.minor / guestCount, amount.currency), total: amount };
}

/** The data `templates/invoice.hbs` prints; every value is plain text and the template escapes it. */
export function invoiceView(invoice: Invoice, bill: BillingRecord, seller: Seller): Record<string, unknown> {
  const billed = invoice.billed ?? billedAmounts(bill);
  const { startDate, endDate } = bill.tour;
  return {
    seller: { name: seller.name, addressLines: seller.address.split(/\s*,\s*/).filter(Boolean) },
    invoiceNumber: invoice.number.value,
    issueDate: day(invoice.createdAt),
    billTo: bill.customer,
    tour: {
      title: bill.tour.title,
      dates: startDate && endDate ? `${day(startDate)} – ${day(endDate)}` : day(startDate ?? endDate),
    },
    guestCount: billed.guestCount,
    unitPrice: billed.unitPrice.format(),
    total: billed.total.format(),
    currency: billed.total.currency,
    transactionId: bill.transactionId,
    paidDate: day(bill.paidAt),
    bookingId: bill.bookingId,
  };
}

/** The fields of the invoice email (`templates/email/invoice.*`). */
export function invoiceMailView(invoice: Invoice, bill: BillingRecord): Record<string, unknown> {
  return {
    name: bill.customer.name,
    tourTitle: bill.tour.title,
    invoiceNumber: invoice.number.value,
    total: (invoice.billed?.total ?? bill.amount).format(),
    paidAt: day(bill.paidAt),
  };
}
