import { ContainerModule } from 'inversify';
import { GetInvoiceLink } from '../../application/invoices/GetInvoiceLink';
import { IssueInvoice } from '../../application/invoices/IssueInvoice';
import { IssueMissingInvoices } from '../../application/invoices/IssueMissingInvoices';
import { OpenInvoicePdf } from '../../application/invoices/OpenInvoicePdf';
import { PreviewInvoice } from '../../application/invoices/PreviewInvoice';
import { SendInvoiceEmail } from '../../application/invoices/SendInvoiceEmail';
import { Logger } from '../../application/ports/Logger';
import { TOKENS as T } from '../../application/ports/tokens';
import { Config } from '../config/Config';
import { PuppeteerPdfRenderer } from '../pdf/PuppeteerPdfRenderer';
import { ChromiumLocation, locateChromium } from '../pdf/locateChromium';
import { Database } from '../persistence/Database';
import { TypeOrmBillingQueries } from '../persistence/repositories/TypeOrmBillingQueries';
import { TypeOrmInvoiceRepository } from '../persistence/repositories/TypeOrmInvoiceRepository';
import { NodeCryptoDigest } from '../security/NodeCryptoDigest';
import { Resources } from './Resources';
import { single } from './bindings';

export function pdfAdapterName(config: Config, chromium: ChromiumLocation = locateChromium(config.pdf.chromePath)): string {
  return `puppeteer-core, ${config.pdf.poolSize} pages, Chromium ${chromium.description}`;
}

/** Invoices: numbering and records in the database, PDFs from a pooled Chromium (launched on first render). */
export function invoiceModule(config: Config, logger: Logger, resources: Resources): ContainerModule {
  const chromium = locateChromium(config.pdf.chromePath);
  const seller = { name: config.business.sellerName, address: config.business.sellerAddress };
  return new ContainerModule(({ bind }) => {
    single(bind, T.InvoiceRepository, (c) => new TypeOrmInvoiceRepository(c.get(Database)));
    single(bind, T.BillingQueries, (c) => new TypeOrmBillingQueries(c.get(Database)));
    single(bind, T.Digest, () => new NodeCryptoDigest());
    single(bind, PuppeteerPdfRenderer, () => {
      const renderer = new PuppeteerPdfRenderer({ chromium, poolSize: config.pdf.poolSize, renderTimeoutMs: config.pdf.renderTimeoutMs, recycleAfter: config.pdf.recycleAfter, logger });
      resources.onShutdown('pdf renderer', () => renderer.close());
      return renderer;
    });
    // a binding of its own (not toService) so decorators on the port, like the metrics one, apply
    single(bind, T.PdfRenderer, (c) => c.get(PuppeteerPdfRenderer));

    single(bind, IssueInvoice, (c) =>
      new IssueInvoice(
        c.get(T.InvoiceRepository), c.get(T.BillingQueries), c.get(T.PdfRenderer), c.get(T.TemplateRenderer), c.get(T.ObjectStorage),
        c.get(T.Digest), c.get(T.JobQueue), c.get(T.IdGenerator), c.get(T.Clock), c.get(T.UnitOfWork), seller, config.worker.leaseMs,
      ));
    single(bind, SendInvoiceEmail, (c) =>
      new SendInvoiceEmail(c.get(T.InvoiceRepository), c.get(T.BillingQueries), c.get(T.ObjectStorage), c.get(T.TemplateRenderer), c.get(T.Mailer), c.get(T.Clock), c.get(T.UnitOfWork)));
    single(bind, GetInvoiceLink, (c) => new GetInvoiceLink(c.get(T.InvoiceRepository), c.get(T.BillingQueries), c.get(T.ObjectStorage)));
    single(bind, OpenInvoicePdf, (c) => new OpenInvoicePdf(c.get(T.InvoiceRepository), c.get(T.BillingQueries), c.get(T.ObjectStorage)));
    single(bind, PreviewInvoice, (c) =>
      new PreviewInvoice(c.get(T.InvoiceRepository), c.get(T.BillingQueries), c.get(T.PdfRenderer), c.get(T.TemplateRenderer), c.get(T.Clock), seller));
    single(bind, IssueMissingInvoices, (c) => new IssueMissingInvoices(c.get(T.BillingQueries), c.get(IssueInvoice)));
  });
}
