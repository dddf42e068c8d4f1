import { BookingEntity } from './BookingEntity';
import { CreditNoteEntity } from './CreditNoteEntity';
import { DivisionEntity } from './DivisionEntity';
import { InvoiceEntity } from './InvoiceEntity';
import { JobEntity } from './JobEntity';
import { PasswordResetEntity } from './PasswordResetEntity';
import { PaymentAttemptEntity, PaymentEntity, PaymentEventEntity } from './PaymentEntity';
import { RefreshSessionEntity } from './RefreshSessionEntity';
import { RefundEntity } from './RefundEntity';
import { SandboxRefundEntity } from './SandboxRefundEntity';
import { SandboxSessionEntity } from './SandboxSessionEntity';
import { TourEntity } from './TourEntity';
import { TourTypeEntity } from './TourTypeEntity';
import { UserEntity } from './UserEntity';
import { WebhookInboxEntity } from './WebhookInboxEntity';
import { PeriodicRunEntity } from './PeriodicRunEntity';

/** Every mapped table. Add new entity schemas here. */
export const entities = [UserEntity, RefreshSessionEntity, PasswordResetEntity, DivisionEntity, TourTypeEntity, TourEntity,
  BookingEntity, PaymentEntity, PaymentEventEntity, PaymentAttemptEntity, JobEntity, SandboxSessionEntity, InvoiceEntity,
  RefundEntity, SandboxRefundEntity, CreditNoteEntity, WebhookInboxEntity, PeriodicRunEntity];
