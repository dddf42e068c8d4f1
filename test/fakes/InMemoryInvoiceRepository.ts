import { InvoiceRepository, IssueLease } from '../../src/application/ports/InvoiceRepository';
import { Invoice, InvoiceProps } from '../../src/domain/invoice/Invoice';
import { InvoiceNumber } from '../../src/domain/invoice/InvoiceNumber';
import { Conflict } from '../../src/domain/shared/errors';
import { Snapshottable } from './InMemoryUnitOfWork';

interface Stored {
  props: InvoiceProps;
  lease: IssueLease | null;
}

/** Invoices and per-year counters in memory; rolls back with InMemoryUnitOfWork like the real tables. */
export class InMemoryInvoiceRepository implements InvoiceRepository, Snapshottable {
  private rows = new Map<string, Stored>();
  private counters = new Map<number, number>();

  all(): Invoice[] {
    return [...this.rows.values()].map((row) => Invoice.restore(row.props));
  }

  lastNumber(year: number): number {
    return this.counters.get(year) ?? 0;
  }

  async findByPaymentId(paymentId: string): Promise<Invoice | null> {
    const row = [...this.rows.values()].find((r) => r.props.paymentId === paymentId);
    return row ? Invoice.restore(row.props) : null;
  }

  async reserveNextNumber(year: number): Promise<InvoiceNumber> {
    const next = this.lastNumber(year) + 1;
    this.counters.set(year, next);
    return InvoiceNumber.of(year, next);
  }

  async addDraft(invoice: Invoice, lease: IssueLease): Promise<void> {
    const props = invoice.toProps();
    if (await this.findByPaymentId(props.paymentId)) throw new Conflict(`Payment ${props.paymentId} already has an invoice`, 'INVOICE.EXISTS');
    if ([...this.rows.values()].some((r) => r.props.number.equals(props.number))) throw new Error(`duplicate invoice number ${props.number.value}`);
    this.rows.set(props.id, { props, lease: { ...lease } });
  }

  async takeLease(invoiceId: string, lease: IssueLease, now: Date): Promise<boolean> {
    const row = this.rows.get(invoiceId);
    if (!row || row.props.status !== 'DRAFT' || (row.lease && row.lease.until.getTime() > now.getTime())) return false;
    row.lease = { ...lease };
    return true;
  }

  async releaseLease(invoiceId: string, token: string): Promise<void> {
    const row = this.rows.get(invoiceId);
    if (row?.props.status === 'DRAFT' && row.lease?.token === token) row.lease = null;
  }

  async saveIssued(invoice: Invoice, token: string): Promise<boolean> {
    const row = this.rows.get(invoice.id);
    if (!row || row.props.status !== 'DRAFT' || row.lease?.token !== token) return false;
    this.rows.set(invoice.id, { props: invoice.toProps(), lease: null });
    return true;
  }

  async markEmailed(invoiceId: string, now: Date): Promise<void> {
    const row = this.rows.get(invoiceId);
    if (row?.props.status === 'ISSUED') row.props = { ...row.props, emailedAt: now };
  }

  snapshot(): unknown {
    return { rows: new Map([...this.rows].map(([id, r]) => [id, { props: { ...r.props }, lease: r.lease && { ...r.lease } }])), counters: new Map(this.counters) };
  }

  restore(state: unknown): void {
    const saved = state as { rows: Map<string, Stored>; counters: Map<number, number> };
    this.rows = saved.rows;
    this.counters = saved.counters;
  }
}
