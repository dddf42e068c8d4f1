import { GetInvoiceLink } from '../../../../src/application/invoices/GetInvoiceLink';
import { IssueInvoice } from '../../../../src/application/invoices/IssueInvoice';
import { IssueMissingInvoices } from '../../../../src/application/invoices/IssueMissingInvoices';
import { OpenInvoicePdf } from '../../../../src/application/invoices/OpenInvoicePdf';
import { SendInvoiceEmail } from '../../../../src/application/invoices/SendInvoiceEmail';
import { TEMPLATES_DIR } from '../../../../src/infrastructure/templates/templatesDir';
import { NodeCryptoDigest } from '../../../../src/infrastructure/security/NodeCryptoDigest';
import { HandlebarsTemplateRenderer } from '../../../../src/infrastructure/templates/HandlebarsTemplateRenderer';
import { FakeClock } from '../../../fakes/FakeClock';
import { FakePdfRenderer } from '../../../fakes/FakePdfRenderer';
import { InMemoryBillingQueries } from '../../../fakes/InMemoryBillingQueries';
import { InMemoryInvoiceRepository } from '../../../fakes/InMemoryInvoiceRepository';
import { InMemoryJobStore } from '../../../fakes/InMemoryJobStore';
import { InMemoryMailer } from '../../../fakes/InMemoryMailer';
import { InMemoryObjectStorage } from '../../../fakes/InMemoryObjectStorage';
import { InMemoryUnitOfWork } from '../../../fakes/InMemoryUnitOfWork';
import { SequentialIds } from '../../../fakes/SequentialIds';

/** The job lease the container hands IssueInvoice (JOB_LEASE_SECONDS=30). */
export const ISSUE_LEASE_MS = 30_000;
export const SELLER = { name: 'TourDesk Travel Ltd.', address: 'House 12, Road 5, Dhanmondi, Dhaka 1205, Bangladesh' };

/** IssueInvoice and its neighbours wired to working in-memory fakes. */
export function invoiceKit() {
  const clock = new FakeClock(new Date('2026-03-01T10:00:00.000Z'));
  const invoices = new InMemoryInvoiceRepository();
  const billing = new InMemoryBillingQueries(invoices);
  const jobs = new InMemoryJobStore(clock);
  const uow = new InMemoryUnitOfWork();
  const pdf = new FakePdfRenderer();
  const storage = new InMemoryObjectStorage(() => clock.now());
  const templates = new HandlebarsTemplateRenderer(TEMPLATES_DIR, { brandName: 'TourDesk' });
  const mailer = new InMemoryMailer();
  const digest = new NodeCryptoDigest();
  const ids = new SequentialIds('inv');
  const issueInvoice = new IssueInvoice(invoices, billing, pdf, templates, storage, digest, jobs, ids, clock, uow, SELLER, ISSUE_LEASE_MS);
  return {
    clock, invoices, billing, jobs, uow, pdf, storage, templates, mailer, digest, issueInvoice,
    sendInvoiceEmail: new SendInvoiceEmail(invoices, billing, storage, templates, mailer, clock, uow),
    getInvoiceLink: new GetInvoiceLink(invoices, billing, storage),
    openInvoicePdf: new OpenInvoicePdf(invoices, billing, storage),
    issueMissing: new IssueMissingInvoices(billing, issueInvoice),
  };
}
