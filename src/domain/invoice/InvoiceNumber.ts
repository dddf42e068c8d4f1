import { DocumentNumber } from './DocumentNumber';

export { MAX_SEQUENCE } from './DocumentNumber';

/** `INV-2026-000001`: the year the invoice was issued and its place in that year's gapless sequence. */
export class InvoiceNumber extends DocumentNumber {
  static readonly SERIES = 'INV';

  static of(year: number, sequence: number): InvoiceNumber {
    return new InvoiceNumber(InvoiceNumber.SERIES, year, sequence);
  }

  static parse(value: string): InvoiceNumber {
    return InvoiceNumber.of(...DocumentNumber.split(InvoiceNumber.SERIES, value, 'invoiceNumber'));
  }
}
