import type { AccessTokens } from './AccessTokens';
import type { BackgroundTasks } from './BackgroundTasks';
import type { BillingQueries } from './BillingQueries';
import type { BookingRepository } from './BookingRepository';
import type { CatalogueReads } from './CatalogueReads';
import type { DataVersion, PartedDataVersion } from './DataVersion';
import type { Clock } from './Clock';
import type { CreditNoteRepository } from './CreditNoteRepository';
import type { CodeGenerator } from './CodeGenerator';
import type { CommonPasswords } from './CommonPasswords';
import type { Digest } from './Digest';
import type { DivisionRepository } from './DivisionRepository';
import type { HealthCheck } from './HealthCheck';
import type { IdGenerator } from './IdGenerator';
import type { IdentityProvider } from './IdentityProvider';
import type { InvoiceRepository } from './InvoiceRepository';
import type { JobQueue } from './JobQueue';
import type { JobStore } from './JobStore';
import type { Logger } from './Logger';
import type { Mailer } from './Mailer';
import type { Metrics } from './Metrics';
import type { ObjectStorage } from './ObjectStorage';
import type { OtpStore } from './OtpStore';
import type { PasswordHasher } from './PasswordHasher';
import type { PasswordResetRepository } from './PasswordResetRepository';
import type { PaymentGateway } from './PaymentGateway';
import type { PaymentRepository } from './PaymentRepository';
import type { PdfRenderer } from './PdfRenderer';
import type { RateLimiter } from './RateLimiter';
import type { RefundRepository } from './RefundRepository';
import type { SandboxCheckout } from './SandboxCheckout';
import type { SeatLedger } from './SeatLedger';
import type { SecretTokens } from './SecretTokens';
import type { SessionRepository } from './SessionRepository';
import type { SessionStandingCache } from './SessionStandingCache';
import type { StatsQueries } from './StatsQueries';
import type { StoredImageReferences } from './StoredImageReferences';
import type { TemplateRenderer } from './TemplateRenderer';
import type { TourRepository } from './TourRepository';
import type { TourTypeRepository } from './TourTypeRepository';
import type { UnitOfWork } from './UnitOfWork';
import type { UserRepository } from './UserRepository';
import type { WebhookInbox } from './WebhookInbox';

/**
 * Every port, by name: what the composition root gives each an adapter for, and what tests may
 * replace (typed). A port served only under some configuration is `null` otherwise.
 */
export interface Ports {
  clock: Clock;
  idGenerator: IdGenerator;
  codeGenerator: CodeGenerator;
  logger: Logger;
  metrics: Metrics;
  unitOfWork: UnitOfWork;
  /** What `/ready` asks about: the database, and Redis, SMTP or object storage when configured. */
  healthChecks: HealthCheck[];
  backgroundTasks: BackgroundTasks;
  templateRenderer: TemplateRenderer;
  digest: Digest;

  passwordHasher: PasswordHasher;
  commonPasswords: CommonPasswords;
  accessTokens: AccessTokens;
  secretTokens: SecretTokens;
  userRepository: UserRepository;
  usersVersion: PartedDataVersion;
  sessionRepository: SessionRepository;
  passwordResetRepository: PasswordResetRepository;
  sessionStandingCache: SessionStandingCache;
  otpStore: OtpStore;
  rateLimiter: RateLimiter;
  /** Google sign-in, when GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET are set. */
  identityProvider: IdentityProvider | null;
  mailer: Mailer;

  objectStorage: ObjectStorage;
  storedImageReferences: StoredImageReferences;
  divisionRepository: DivisionRepository;
  tourTypeRepository: TourTypeRepository;
  tourRepository: TourRepository;
  seatLedger: SeatLedger;
  catalogueReads: CatalogueReads;
  catalogueVersion: DataVersion;

  bookingRepository: BookingRepository;
  paymentRepository: PaymentRepository;
  refundRepository: RefundRepository;
  webhookInbox: WebhookInbox;
  paymentGateway: PaymentGateway;
  /** The built-in sandbox gateway's checkout page, when it is the gateway. */
  sandboxCheckout: SandboxCheckout | null;
  jobQueue: JobQueue;
  jobStore: JobStore;

  invoiceRepository: InvoiceRepository;
  creditNoteRepository: CreditNoteRepository;
  billingQueries: BillingQueries;
  pdfRenderer: PdfRenderer;
  statsQueries: StatsQueries;
}
