import type { Invoice } from '../../domain/invoice/Invoice';
import { ERROR_CODES } from '../../domain/shared/errorCatalogue';
import { NotFound } from '../../domain/shared/errors';
import type { Actor } from '../../domain/user/Role';
import { isAdmin } from '../../domain/user/Role';
import type { BillingQueries } from '../ports/BillingQueries';
import type { InvoiceRepository } from '../ports/InvoiceRepository';

/** The issued invoice of a payment as seen by `actor`: its owner or an admin. Anyone else, or before issue, 404. */
export async function findVisibleInvoice(invoices: InvoiceRepository, billing: BillingQueries, actor: Actor, paymentId: string): Promise<Invoice> {
  const invoice = await invoices.findByPaymentId(paymentId);
  const owner = invoice?.isIssued && !isAdmin(actor.role) ? (await billing.forPayment(paymentId))?.customer.userId : null;
  if (!invoice?.isIssued || (!isAdmin(actor.role) && owner !== actor.userId)) throw NotFound.of('Invoice', ERROR_CODES.INVOICE.NOT_FOUND);
  return invoice;
}
