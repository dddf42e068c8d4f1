import type { NewJob } from '../ports/JobQueue';

/** What the invoice and confirmation jobs are about: one payment. */
export interface PaymentJob {
  paymentId: string;
}

/** One kind of outbox job: its stored name, the key that keeps it from being queued twice, and how a stored payload is read back. */
export interface OutboxJobKind<Payload> {
  readonly type: string;
  job(payload: Payload): NewJob;
  /** A stored payload as its handler takes it; throws (the job retries, then dies) when it is not one. */
  read(payload: Record<string, unknown>): Payload;
}

function paymentJob(type: string, dedupeKey: (paymentId: string) => string): OutboxJobKind<PaymentJob> {
  return {
    type,
    job: ({ paymentId }) => ({ type, payload: { paymentId }, dedupeKey: dedupeKey(paymentId) }),
    read: (payload) => {
      const { paymentId } = payload;
      if (typeof paymentId !== 'string' || !paymentId) throw new Error('Job payload lacks paymentId');
      return { paymentId };
    },
  };
}

/** What the credit-note jobs are about: one completed refund. */
export interface RefundJob {
  refundId: string;
}

function refundJob(type: string, dedupeKey: (refundId: string) => string): OutboxJobKind<RefundJob> {
  return {
    type,
    job: ({ refundId }) => ({ type, payload: { refundId }, dedupeKey: dedupeKey(refundId) }),
    read: (payload) => {
      const { refundId } = payload;
      if (typeof refundId !== 'string' || !refundId) throw new Error('Job payload lacks refundId');
      return { refundId };
    },
  };
}

/**
 * The jobs use cases queue in their unit of work (the transactional outbox) and the worker runs: names
 * and payloads in one place for producers and handlers. Stored names and dedupe keys never change:
 * queued rows outlive a deploy.
 */
export const OUTBOX_JOBS = {
  issueInvoice: paymentJob('IssueInvoice', (paymentId) => `IssueInvoice:${paymentId}`),
  sendInvoiceEmail: paymentJob('SendInvoiceEmail', (paymentId) => `invoice-email:${paymentId}`),
  sendBookingConfirmation: paymentJob('SendBookingConfirmation', (paymentId) => `SendBookingConfirmation:${paymentId}`),
  issueCreditNote: refundJob('IssueCreditNote', (refundId) => `IssueCreditNote:${refundId}`),
  sendCreditNoteEmail: refundJob('SendCreditNoteEmail', (refundId) => `credit-note-email:${refundId}`),
} as const;

type Kinds = typeof OUTBOX_JOBS;
export type OutboxJobName = keyof Kinds;
export type PayloadOf<Name extends OutboxJobName> = Kinds[Name] extends OutboxJobKind<infer Payload> ? Payload : never;

/** One handler per outbox job, taking its typed payload; the compiler refuses a job left without one. */
export type OutboxJobHandlers = { [Name in OutboxJobName]: (payload: PayloadOf<Name>) => Promise<void> };
