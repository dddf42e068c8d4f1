import type { CreditNote } from '../../domain/invoice/CreditNote';
import type { Refund } from '../../domain/payment/Refund';
import type { BillingRecord } from '../ports/BillingQueries';
import type { Seller } from './invoiceView';
import { formatDay } from './invoiceView';

/** The data `templates/credit-note.hbs` prints; every value is plain text and the template escapes it. */
export function creditNoteView(note: CreditNote, refund: Refund, invoiceNumber: string, bill: BillingRecord, seller: Seller): Record<string, unknown> {
  const { startDate, endDate } = bill.tour;
  return {
    seller: { name: seller.name, addressLines: seller.address.split(/\s*,\s*/).filter(Boolean) },
    creditNoteNumber: note.number.value,
    issueDate: formatDay(note.createdAt),
    invoiceNumber,
    bookingId: bill.bookingId,
    creditTo: bill.customer,
    tour: { title: bill.tour.title, dates: startDate && endDate ? `${formatDay(startDate)} – ${formatDay(endDate)}` : formatDay(startDate ?? endDate) },
    reason: refund.reason,
    amount: refund.amount.format(),
    invoiced: bill.amount.format(),
    currency: refund.amount.currency,
    refundId: refund.id,
    transactionId: refund.transactionId,
    refundedDate: formatDay(refund.settledAt),
  };
}

/** The fields of the credit-note email (`templates/email/credit-note.*`). */
export function creditNoteMailView(note: CreditNote, refund: Refund, bill: BillingRecord): Record<string, unknown> {
  return {
    name: bill.customer.name, tourTitle: bill.tour.title, creditNoteNumber: note.number.value,
    invoiceNumber: note.credited?.invoiceNumber.value ?? '', amount: refund.amount.format(), reason: refund.reason,
  };
}
