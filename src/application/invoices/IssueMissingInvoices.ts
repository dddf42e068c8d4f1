import type { BillingQueries } from '../ports/BillingQueries';
import type { IssueInvoice } from './IssueInvoice';

export interface IssueMissingReport {
  found: number;
  issued: string[];
  failed: { paymentId: string; error: string }[];
}

/** Issues an invoice for every PAID payment that lacks one, `concurrency` at a time. */
export class IssueMissingInvoices {
  constructor(private readonly billing: BillingQueries, private readonly issueInvoice: IssueInvoice) {}

  async execute(input: { limit: number; concurrency: number; onProgress?: (done: number, total: number) => void }): Promise<IssueMissingReport> {
    const paymentIds = await this.billing.paymentsAwaitingInvoice(input.limit);
    const report: IssueMissingReport = { found: paymentIds.length, issued: [], failed: [] };
    let next = 0;
    const worker = async () => {
      while (next < paymentIds.length) {
        const paymentId = paymentIds[next++];
        try {
          report.issued.push((await this.issueInvoice.execute({ paymentId })).number.value);
        } catch (error) {
          report.failed.push({ paymentId, error: (error as Error).message });
        }
        input.onProgress?.(report.issued.length + report.failed.length, paymentIds.length);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, input.concurrency) }, worker));
    return report;
  }
}
