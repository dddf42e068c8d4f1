import type { BillingQueries, BillingRecord } from '../../src/application/ports/BillingQueries';
import type { InvoiceRepository } from '../../src/application/ports/InvoiceRepository';

export class InMemoryBillingQueries implements BillingQueries {
  private readonly records = new Map<string, BillingRecord>();

  constructor(private readonly invoices: InvoiceRepository) {}

  add(record: BillingRecord): BillingRecord {
    this.records.set(record.paymentId, record);
    return record;
  }

  async forPayment(paymentId: string): Promise<BillingRecord | null> {
    return this.records.get(paymentId) ?? null;
  }

  async paymentsAwaitingInvoice(limit: number): Promise<string[]> {
    const waiting: BillingRecord[] = [];
    for (const record of this.records.values()) {
      if (record.paymentStatus === 'PAID' && !(await this.invoices.findByPaymentId(record.paymentId))?.isIssued) waiting.push(record);
    }
    const paidAt = (r: BillingRecord) => r.paidAt?.getTime() ?? 0;
    return waiting.sort((a, b) => paidAt(a) - paidAt(b) || a.paymentId.localeCompare(b.paymentId)).slice(0, limit).map((r) => r.paymentId);
  }
}
