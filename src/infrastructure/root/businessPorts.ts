import path from 'node:path';
import type { HealthCheck } from '../../application/ports/HealthCheck';
import type { ObjectStorage } from '../../application/ports/ObjectStorage';
import type { PaymentGateway } from '../../application/ports/PaymentGateway';
import type { Ports } from '../../application/ports/Ports';
import type { SandboxCheckout } from '../../application/ports/SandboxCheckout';
import { TypeOrmJobQueue } from '../jobs/TypeOrmJobQueue';
import { TypeOrmJobStore } from '../jobs/TypeOrmJobStore';
import { MeteredJobStore } from '../metrics/MeteredJobStore';
import { MeteredPdfRenderer } from '../metrics/MeteredPdfRenderer';
import { PayPalGateway } from '../payment/PayPalGateway';
import { SandboxGateway } from '../payment/SandboxGateway';
import { SslCommerzGateway } from '../payment/SslCommerzGateway';
import { StripeGateway } from '../payment/StripeGateway';
import { PuppeteerPdfRenderer } from '../pdf/PuppeteerPdfRenderer';
import { locateChromium } from '../pdf/locateChromium';
import { CATALOGUE, SqlDataVersion } from '../persistence/dataVersions';
import { SqlCatalogueReads } from '../persistence/queries/SqlCatalogueReads';
import { TypeOrmStatsQueries } from '../persistence/queries/TypeOrmStatsQueries';
import { TypeOrmBillingQueries } from '../persistence/repositories/TypeOrmBillingQueries';
import { TypeOrmBookingRepository } from '../persistence/repositories/TypeOrmBookingRepository';
import { TypeOrmCreditNoteRepository } from '../persistence/repositories/TypeOrmCreditNoteRepository';
import { TypeOrmDivisionRepository } from '../persistence/repositories/TypeOrmDivisionRepository';
import { TypeOrmInvoiceRepository } from '../persistence/repositories/TypeOrmInvoiceRepository';
import { TypeOrmPaymentRepository } from '../persistence/repositories/TypeOrmPaymentRepository';
import { TypeOrmRefundRepository } from '../persistence/repositories/TypeOrmRefundRepository';
import { TypeOrmSeatLedger } from '../persistence/repositories/TypeOrmSeatLedger';
import { TypeOrmStoredImageReferences } from '../persistence/repositories/TypeOrmStoredImageReferences';
import { TypeOrmTourRepository } from '../persistence/repositories/TypeOrmTourRepository';
import { TypeOrmTourTypeRepository } from '../persistence/repositories/TypeOrmTourTypeRepository';
import { TypeOrmWebhookInbox } from '../persistence/repositories/TypeOrmWebhookInbox';
import { LocalObjectStorage } from '../storage/LocalObjectStorage';
import { MinioObjectStorage } from '../storage/MinioObjectStorage';
import type { Infrastructure } from './Infrastructure';
import type { Factories } from './lazy';

type BusinessPorts = Pick<
  Ports,
  | 'objectStorage' | 'storedImageReferences' | 'divisionRepository' | 'tourTypeRepository' | 'tourRepository' | 'seatLedger' | 'catalogueReads' | 'catalogueVersion'
  | 'bookingRepository' | 'paymentRepository' | 'refundRepository' | 'webhookInbox' | 'paymentGateway' | 'sandboxCheckout' | 'jobQueue' | 'jobStore'
  | 'invoiceRepository' | 'creditNoteRepository' | 'billingQueries' | 'pdfRenderer' | 'statsQueries'
>;

/** S3/MinIO when S3_ENDPOINT is set, else files under VAR_DIR/storage served by the app with signed URLs (`local`). */
export interface StorageAdapter {
  storage: ObjectStorage;
  local: LocalObjectStorage | null;
  health: HealthCheck | null;
}

function storageAdapter({ config }: Infrastructure, ports: Pick<Ports, 'clock'>): StorageAdapter {
  const s3 = config.s3;
  if (!s3) {
    const local = new LocalObjectStorage(path.join(config.varDir, 'storage'), config.publicUrl, config.secrets.storageSigning, ports.clock);
    return { storage: local, local, health: null };
  }
  const minio = new MinioObjectStorage(s3, ports.clock);
  return { storage: minio, local: null, health: { name: 'storage', check: () => minio.check() } };
}

/** The sandbox (its checkout page served by the app) unless SSLCommerz, Stripe or PayPal is configured. */
function gateway({ config, database }: Infrastructure, ports: Pick<Ports, 'idGenerator' | 'clock'>): { gateway: PaymentGateway; checkout: SandboxCheckout | null } {
  const { sslcommerz, stripe, paypal } = config.payment;
  if (sslcommerz) return { gateway: new SslCommerzGateway(sslcommerz), checkout: null };
  if (stripe) return { gateway: new StripeGateway(stripe, ports.clock), checkout: null };
  if (paypal) return { gateway: new PayPalGateway(paypal, ports.clock), checkout: null };
  const sandbox = new SandboxGateway(database, config.secrets.sandboxGateway, `${config.publicUrl}/api/v1/sandbox/checkout`, ports.idGenerator, ports.clock);
  return { gateway: sandbox, checkout: sandbox };
}

/** Made once, on first use, by whichever port or health check asks first. */
function once<A, T>(make: (arg: A) => T): (arg: A) => T {
  let made: { value: T } | null = null;
  return (arg) => (made ??= { value: make(arg) }).value;
}

/**
 * Catalogue, bookings, payments, jobs and invoices: the database, object storage, the gateway and
 * Chromium. `storage` is the object storage adapter as the root also needs it (the `/files` route, `/ready`).
 */
export function businessPorts(infrastructure: Infrastructure): { factories: Factories<BusinessPorts, Ports>; storage: (ports: Pick<Ports, 'clock'>) => StorageAdapter } {
  const { config, logger, database, resources, prometheus } = infrastructure;
  const chromium = locateChromium(config.pdf.chromePath);
  const storage = once((ports: Pick<Ports, 'clock'>) => storageAdapter(infrastructure, ports));
  const payments = once((ports: Pick<Ports, 'idGenerator' | 'clock'>) => gateway(infrastructure, ports));
  const factories: Factories<BusinessPorts, Ports> = {
    objectStorage: (ports) => storage(ports).storage,
    storedImageReferences: () => new TypeOrmStoredImageReferences(database),
    divisionRepository: () => new TypeOrmDivisionRepository(database),
    tourTypeRepository: () => new TypeOrmTourTypeRepository(database),
    tourRepository: () => new TypeOrmTourRepository(database),
    seatLedger: () => new TypeOrmSeatLedger(database),
    catalogueReads: () => new SqlCatalogueReads(database),
    catalogueVersion: (ports) => new SqlDataVersion(database, CATALOGUE, ports.clock),
    bookingRepository: () => new TypeOrmBookingRepository(database),
    paymentRepository: () => new TypeOrmPaymentRepository(database),
    refundRepository: () => new TypeOrmRefundRepository(database),
    webhookInbox: () => new TypeOrmWebhookInbox(database),
    paymentGateway: (ports) => payments(ports).gateway,
    sandboxCheckout: (ports) => payments(ports).checkout,
    jobQueue: (ports) => new TypeOrmJobQueue(database, ports.idGenerator, ports.clock),
    // Metrics as decorators (here and below): no adapter or use case knows it is measured.
    jobStore: () => new MeteredJobStore(new TypeOrmJobStore(database), prometheus),
    invoiceRepository: () => new TypeOrmInvoiceRepository(database),
    creditNoteRepository: () => new TypeOrmCreditNoteRepository(database),
    billingQueries: () => new TypeOrmBillingQueries(database),
    // The browser launches on the first render, and closes with the process.
    pdfRenderer: () => {
      const renderer = new PuppeteerPdfRenderer({ chromium, poolSize: config.pdf.poolSize, renderTimeoutMs: config.pdf.renderTimeoutMs, recycleAfter: config.pdf.recycleAfter, logger });
      resources.onShutdown('pdf renderer', () => renderer.close());
      return new MeteredPdfRenderer(renderer, prometheus, config.pdf.poolSize);
    },
    statsQueries: () => new TypeOrmStatsQueries(database),
  };
  return { factories, storage };
}
