import { GetInvoiceLink } from '../../application/invoices/GetInvoiceLink';
import { IssueCreditNote } from '../../application/invoices/IssueCreditNote';
import { IssueInvoice } from '../../application/invoices/IssueInvoice';
import { OpenCreditNotePdf } from '../../application/invoices/OpenCreditNotePdf';
import { SendCreditNoteEmail } from '../../application/invoices/SendCreditNoteEmail';
import { IssueMissingInvoices } from '../../application/invoices/IssueMissingInvoices';
import { OpenInvoicePdf } from '../../application/invoices/OpenInvoicePdf';
import { PreviewInvoice } from '../../application/invoices/PreviewInvoice';
import { SendInvoiceEmail } from '../../application/invoices/SendInvoiceEmail';
import type { Ports } from '../../application/ports/Ports';
import { GetBookingStats } from '../../application/stats/GetBookingStats';
import { GetPaymentStats } from '../../application/stats/GetPaymentStats';
import { GetTourStats } from '../../application/stats/GetTourStats';
import { GetUserStats } from '../../application/stats/GetUserStats';
import type { UseCases } from '../../application/UseCases';
import type { Config } from '../config/Config';
import type { Factories } from './lazy';

type InvoiceAndStatsUseCases = Pick<
  UseCases,
  | 'issueInvoice' | 'sendInvoiceEmail' | 'getInvoiceLink' | 'openInvoicePdf' | 'previewInvoice' | 'issueMissingInvoices'
  | 'issueCreditNote' | 'sendCreditNoteEmail' | 'openCreditNotePdf'
  | 'getUserStats' | 'getTourStats' | 'getBookingStats' | 'getPaymentStats'
>;

/** Invoices (numbering and records in the database, PDFs from the pooled Chromium) and the admin statistics. */
export function invoiceUseCases(config: Config, p: Ports): Factories<InvoiceAndStatsUseCases, UseCases> {
  const seller = { name: config.business.sellerName, address: config.business.sellerAddress };
  return {
    issueInvoice: () =>
      new IssueInvoice(
        p.invoiceRepository, p.billingQueries, p.pdfRenderer, p.templateRenderer, p.objectStorage, p.digest, p.jobQueue, p.idGenerator, p.clock, p.unitOfWork,
        seller, config.worker.leaseMs,
      ),
    sendInvoiceEmail: () =>
      new SendInvoiceEmail(p.invoiceRepository, p.billingQueries, p.objectStorage, p.templateRenderer, p.mailer, p.clock, p.unitOfWork),
    getInvoiceLink: () => new GetInvoiceLink(p.invoiceRepository, p.billingQueries, p.objectStorage),
    openInvoicePdf: () => new OpenInvoicePdf(p.invoiceRepository, p.billingQueries, p.objectStorage),
    previewInvoice: () => new PreviewInvoice(p.invoiceRepository, p.billingQueries, p.pdfRenderer, p.templateRenderer, p.clock, seller),
    issueMissingInvoices: (u) => new IssueMissingInvoices(p.billingQueries, u.issueInvoice),
    issueCreditNote: () =>
      new IssueCreditNote(
        p.creditNoteRepository, p.refundRepository, p.invoiceRepository, p.billingQueries, p.pdfRenderer, p.templateRenderer, p.objectStorage, p.digest, p.jobQueue,
        p.idGenerator, p.clock, p.unitOfWork, seller, config.worker.leaseMs,
      ),
    sendCreditNoteEmail: () =>
      new SendCreditNoteEmail(p.creditNoteRepository, p.refundRepository, p.billingQueries, p.objectStorage, p.templateRenderer, p.mailer, p.clock, p.unitOfWork),
    openCreditNotePdf: () => new OpenCreditNotePdf(p.creditNoteRepository, p.billingQueries, p.objectStorage),
    getUserStats: () => new GetUserStats(p.statsQueries, p.clock),
    getTourStats: () => new GetTourStats(p.statsQueries, config.business.currency),
    getBookingStats: () => new GetBookingStats(p.statsQueries, p.clock),
    getPaymentStats: () => new GetPaymentStats(p.statsQueries, config.business.currency),
  };
}
