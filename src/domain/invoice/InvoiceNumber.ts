import { ValidationFailed } from '../shared/errors';

const FORMAT = /^INV-(\d{4})-(\d{6})$/;
export const MAX_SEQUENCE = 999_999;

/** `INV-2026-000001`: the year the invoice was issued and its place in that year's gapless sequence. */
export class InvoiceNumber {
  private constructor(readonly year: number, readonly sequence: number) {}

  static of(year: number, sequence: number): InvoiceNumber {
    if (!Number.isInteger(year) || year < 2000 || year > 9999) throw ValidationFailed.field('year', 'must be a four-digit year');
    if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_SEQUENCE) {
      throw ValidationFailed.field('sequence', `must be between 1 and ${MAX_SEQUENCE}`);
    }
    return new InvoiceNumber(year, sequence);
  }

  static parse(value: string): InvoiceNumber {
    const match = FORMAT.exec(value);
    if (!match) throw ValidationFailed.field('invoiceNumber', 'must look like INV-2026-000001');
    return InvoiceNumber.of(Number(match[1]), Number(match[2]));
  }

  get value(): string {
    return `INV-${this.year}-${String(this.sequence).padStart(6, '0')}`;
  }

  toString(): string {
    return this.value;
  }

  equals(other: InvoiceNumber): boolean {
    return this.year === other.year && this.sequence === other.sequence;
  }
}
