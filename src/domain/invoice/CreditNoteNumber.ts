import { DocumentNumber } from './DocumentNumber';

/** `CN-2026-000001`: a credit note's own gapless sequence per year, apart from the invoices'. */
export class CreditNoteNumber extends DocumentNumber {
  static readonly SERIES = 'CN';

  static of(year: number, sequence: number): CreditNoteNumber {
    return new CreditNoteNumber(CreditNoteNumber.SERIES, year, sequence);
  }

  static parse(value: string): CreditNoteNumber {
    return CreditNoteNumber.of(...DocumentNumber.split(CreditNoteNumber.SERIES, value, 'creditNoteNumber'));
  }
}
