import type { InvoiceRepository, IssueLease } from '../../src/application/ports/InvoiceRepository';
import type { InvoiceProps } from '../../src/domain/invoice/Invoice';
import { Invoice } from '../../src/domain/invoice/Invoice';
import { InvoiceNumber } from '../../src/domain/invoice/InvoiceNumber';
import { Conflict } from '../../src/domain/shared/errors';
import { TransactionalTable } from './TransactionalTable';

interface Stored {
  props: InvoiceProps;
  lease: IssueLease | null;
}

/** Invoices and per-year counters in tables that lock and roll back like the real ones. */
export class InMemoryInvoiceRepository implements InvoiceRepository {
  private readonly rows = new TransactionalTable<Stored>();
  private readonly counters = new TransactionalTable<{ last: number }>();

  all(): Invoice[] {
    return this.rows.values().map((row) => Invoice.restore(row.props));
  }

  lastNumber(year: number): number {
    return this.counters.get(String(year))?.last ?? 0;
  }

  async findByPaymentId(paymentId: string): Promise<Invoice | null> {
    const row = this.rows.find((r) => r.props.paymentId === paymentId);
    return row ? Invoice.restore(row.props) : null;
  }

  async reserveNextNumber(year: number): Promise<InvoiceNumber> {
    const last = (await this.counters.lock(String(year)))?.last ?? 0;
    await this.counters.set(String(year), { last: last + 1 });
    return InvoiceNumber.of(year, last + 1);
  }

  async addDraft(invoice: Invoice, lease: IssueLease): Promise<void> {
    const props = invoice.toProps();
    const clash = await this.rows.setUnique(props.id, { props, lease: { ...lease } }, (r) => r.props.paymentId === props.paymentId || r.props.number.equals(props.number));
    if (clash?.props.paymentId === props.paymentId) throw new Conflict(`Payment ${props.paymentId} already has an invoice`, 'INVOICE.EXISTS');
    if (clash) throw new Error(`duplicate invoice number ${props.number.value}`);
  }

  async takeLease(invoiceId: string, lease: IssueLease, now: Date): Promise<boolean> {
    return this.rows.change(invoiceId, (row) => (
      row.props.status !== 'DRAFT' || (row.lease && row.lease.until.getTime() > now.getTime()) ? null : { ...row, lease: { ...lease } }));
  }

  async releaseLease(invoiceId: string, token: string): Promise<void> {
    await this.rows.change(invoiceId, (row) => (row.props.status === 'DRAFT' && row.lease?.token === token ? { ...row, lease: null } : null));
  }

  async saveIssued(invoice: Invoice, token: string): Promise<boolean> {
    return this.rows.change(invoice.id, (row) => (row.props.status === 'DRAFT' && row.lease?.token === token ? { props: invoice.toProps(), lease: null } : null));
  }

  async markEmailed(invoiceId: string, now: Date): Promise<void> {
    await this.rows.change(invoiceId, (row) => (row.props.status === 'ISSUED' ? { ...row, props: { ...row.props, emailedAt: now } } : null));
  }
}
