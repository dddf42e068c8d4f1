import type { OutboxJobHandlers, OutboxJobKind, OutboxJobName, PayloadOf } from '../../application/jobs/outboxJobs';
import { OUTBOX_JOBS } from '../../application/jobs/outboxJobs';
import type { Ports } from '../../application/ports/Ports';
import type { UseCases } from '../../application/UseCases';
import type { JobHandler } from './JobWorker';

export interface JobHandlersDependencies {
  useCases: Pick<UseCases, 'issueInvoice' | 'sendInvoiceEmail' | 'sendBookingConfirmation' | 'issueCreditNote' | 'sendCreditNoteEmail'>;
  ports: Pick<Ports, 'logger'>;
}

/** A typed handler as the worker runs it: by the job's stored name, its payload read back first. */
function byStoredName<P>(kind: OutboxJobKind<P>, handle: (payload: P) => Promise<void>): [string, JobHandler] {
  return [kind.type, (payload) => handle(kind.read(payload))];
}

/** Each outbox job → the use case that does it. Every handler must be safe to run twice. */
export function jobHandlers({ useCases, ports }: JobHandlersDependencies): Record<string, JobHandler> {
  const handlers: OutboxJobHandlers = {
    issueInvoice: async ({ paymentId }) => {
      const invoice = await useCases.issueInvoice.execute({ paymentId });
      ports.logger.info({ paymentId: invoice.paymentId, invoiceNumber: invoice.number.value }, 'invoice issued');
    },
    sendInvoiceEmail: async ({ paymentId }) => {
      await useCases.sendInvoiceEmail.execute({ paymentId });
    },
    sendBookingConfirmation: async ({ paymentId }) => {
      await useCases.sendBookingConfirmation.execute({ paymentId });
    },
    issueCreditNote: async ({ refundId }) => {
      const note = await useCases.issueCreditNote.execute({ refundId });
      ports.logger.info({ refundId, paymentId: note.paymentId, creditNoteNumber: note.number.value }, 'credit note issued');
    },
    sendCreditNoteEmail: async ({ refundId }) => {
      await useCases.sendCreditNoteEmail.execute({ refundId });
    },
  };
  const handle = <Name extends OutboxJobName>(name: Name) => byStoredName(OUTBOX_JOBS[name] as OutboxJobKind<PayloadOf<Name>>, handlers[name]);
  return Object.fromEntries((Object.keys(OUTBOX_JOBS) as OutboxJobName[]).map(handle));
}
