import { AccessTokens } from './AccessTokens';
import { BackgroundTasks } from './BackgroundTasks';
import { BillingQueries } from './BillingQueries';
import { BookingRepository } from './BookingRepository';
import { Clock } from './Clock';
import { CodeGenerator } from './CodeGenerator';
import { CommonPasswords } from './CommonPasswords';
import { Digest } from './Digest';
import { DivisionRepository } from './DivisionRepository';
import { HealthCheck } from './HealthCheck';
import { IdGenerator } from './IdGenerator';
import { IdentityProvider } from './IdentityProvider';
import { InvoiceRepository } from './InvoiceRepository';
import { JobQueue } from './JobQueue';
import { JobStore } from './JobStore';
import { Logger } from './Logger';
import { Mailer } from './Mailer';
import { Metrics } from './Metrics';
import { ObjectStorage } from './ObjectStorage';
import { OtpStore } from './OtpStore';
import { PasswordHasher } from './PasswordHasher';
import { PasswordResetRepository } from './PasswordResetRepository';
import { PaymentGateway } from './PaymentGateway';
import { PaymentRepository } from './PaymentRepository';
import { PdfRenderer } from './PdfRenderer';
import { RateLimiter } from './RateLimiter';
import { SandboxCheckout } from './SandboxCheckout';
import { SeatLedger } from './SeatLedger';
import { SecretTokens } from './SecretTokens';
import { SessionRepository } from './SessionRepository';
import { SessionStandingCache } from './SessionStandingCache';
import { StatsQueries } from './StatsQueries';
import { StoredImageReferences } from './StoredImageReferences';
import { TemplateRenderer } from './TemplateRenderer';
import { TourRepository } from './TourRepository';
import { TourTypeRepository } from './TourTypeRepository';
import { UnitOfWork } from './UnitOfWork';
import { UserRepository } from './UserRepository';

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

  bookingRepository: BookingRepository;
  paymentRepository: PaymentRepository;
  paymentGateway: PaymentGateway;
  /** The built-in sandbox gateway's checkout page, when it is the gateway. */
  sandboxCheckout: SandboxCheckout | null;
  jobQueue: JobQueue;
  jobStore: JobStore;

  invoiceRepository: InvoiceRepository;
  billingQueries: BillingQueries;
  pdfRenderer: PdfRenderer;
  statsQueries: StatsQueries;
}
