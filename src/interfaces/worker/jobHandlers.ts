import { Container } from 'inversify';
import { Logger } from '../../application/ports/Logger';
import { TOKENS } from '../../application/ports/tokens';
import { SendBookingConfirmation } from '../../application/payments/SendBookingConfirmation';
import { IssueInvoice, SEND_INVOICE_EMAIL } from '../../application/invoices/IssueInvoice';
import { SendInvoiceEmail } from '../../application/invoices/SendInvoiceEmail';
import { JobHandler } from './JobWorker';

const text = (payload: Record<string, unknown>, key: string): string => {
  const value = payload[key];
  if (typeof value !== 'string' || !value) throw new Error(`Job payload lacks ${key}`);
  return value;
};

/** Job type → the use case that does it. Every handler must be safe to run twice. */
export function jobHandlers(container: Container): Record<string, JobHandler> {
  const logger = container.get<Logger>(TOKENS.Logger);
  return {
    IssueInvoice: async (payload) => {
      const invoice = await container.get(IssueInvoice).execute({ paymentId: text(payload, 'paymentId') });
      logger.info({ paymentId: invoice.paymentId, invoiceNumber: invoice.number.value }, 'invoice issued');
    },
    [SEND_INVOICE_EMAIL]: async (payload) => {
      await container.get(SendInvoiceEmail).execute({ paymentId: text(payload, 'paymentId') });
    },
    SendBookingConfirmation: async (payload) => {
      await container.get(SendBookingConfirmation).execute({ paymentId: text(payload, 'paymentId') });
    },
  };
}
