import type { DraftDocuments, IssueLease } from '../../src/application/ports/DraftDocuments';
import type { DocumentNumber } from '../../src/domain/invoice/DocumentNumber';
import { Conflict } from '../../src/domain/shared/errors';
import { TransactionalTable } from './TransactionalTable';

interface DocumentProps {
  id: string;
  number: DocumentNumber;
  status: string;
  emailedAt: Date | null;
}

interface Stored<P> {
  props: P;
  lease: IssueLease | null;
}

/**
 * Numbered DRAFT-issued documents and their per-year counters in tables that lock and roll back
 * like the real ones: what the invoice and credit-note fakes share. `subjectOf` is what a document
 * is unique per (a payment, a refund); a second DRAFT for it is Conflict `existsCode`.
 */
export abstract class InMemoryDraftDocuments<D extends { id: string; toProps(): P }, P extends DocumentProps, N extends DocumentNumber> implements DraftDocuments<D, N> {
  protected readonly rows = new TransactionalTable<Stored<P>>();
  private readonly counters = new TransactionalTable<{ last: number }>();

  protected constructor(
    private readonly restore: (props: P) => D,
    private readonly numberOf: (year: number, sequence: number) => N,
    private readonly subjectOf: (props: P) => string,
    private readonly existsCode: 'INVOICE.EXISTS' | 'CREDIT_NOTE.EXISTS',
  ) {}

  all(): D[] {
    return this.rows.values().map((row) => this.restore(row.props));
  }

  lastNumber(year: number): number {
    return this.counters.get(String(year))?.last ?? 0;
  }

  protected findWhere(predicate: (props: P) => boolean): D | null {
    const row = this.rows.find((r) => predicate(r.props));
    return row ? this.restore(row.props) : null;
  }

  async reserveNextNumber(year: number): Promise<N> {
    const last = (await this.counters.lock(String(year)))?.last ?? 0;
    await this.counters.set(String(year), { last: last + 1 });
    return this.numberOf(year, last + 1);
  }

  async addDraft(document: D, lease: IssueLease): Promise<void> {
    const props = document.toProps();
    const subject = this.subjectOf(props);
    const clash = await this.rows.setUnique(props.id, { props, lease: { ...lease } }, (r) => this.subjectOf(r.props) === subject || r.props.number.equals(props.number));
    if (clash && this.subjectOf(clash.props) === subject) throw new Conflict(`${subject} already has a document of this series`, this.existsCode);
    if (clash) throw new Error(`duplicate number ${props.number.value}`);
  }

  async takeLease(id: string, lease: IssueLease, now: Date): Promise<boolean> {
    return this.rows.change(id, (row) => (
      row.props.status !== 'DRAFT' || (row.lease && row.lease.until.getTime() > now.getTime()) ? null : { ...row, lease: { ...lease } }));
  }

  async releaseLease(id: string, token: string): Promise<void> {
    await this.rows.change(id, (row) => (row.props.status === 'DRAFT' && row.lease?.token === token ? { ...row, lease: null } : null));
  }

  async saveIssued(document: D, token: string): Promise<boolean> {
    return this.rows.change(document.id, (row) => (row.props.status === 'DRAFT' && row.lease?.token === token ? { props: document.toProps(), lease: null } : null));
  }

  async markEmailed(id: string, now: Date): Promise<void> {
    await this.rows.change(id, (row) => (row.props.status === 'ISSUED' ? { ...row, props: { ...row.props, emailedAt: now } } : null));
  }
}
