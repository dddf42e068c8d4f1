import { ValidationFailed } from '../shared/errors';

export const MAX_SEQUENCE = 999_999;

/**
 * `INV-2026-000001`, `CN-2026-000001`: a document series, the year it was issued and its place in
 * that year's gapless sequence of the series.
 */
export abstract class DocumentNumber {
  protected constructor(readonly series: string, readonly year: number, readonly sequence: number) {
    if (!Number.isInteger(year) || year < 2000 || year > 9999) throw ValidationFailed.field('year', 'must be a four-digit year');
    if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_SEQUENCE) {
      throw ValidationFailed.field('sequence', `must be between 1 and ${MAX_SEQUENCE}`);
    }
  }

  /** Year and sequence of `value` in `series`, or a ValidationFailed on `field` naming the format. */
  protected static split(series: string, value: string, field: string): [year: number, sequence: number] {
    const match = new RegExp(`^${series}-(\\d{4})-(\\d{6})$`).exec(value);
    if (!match) throw ValidationFailed.field(field, `must look like ${series}-2026-000001`);
    return [Number(match[1]), Number(match[2])];
  }

  get value(): string {
    return `${this.series}-${this.year}-${String(this.sequence).padStart(6, '0')}`;
  }

  toString(): string {
    return this.value;
  }

  equals(other: DocumentNumber): boolean {
    return this.series === other.series && this.year === other.year && this.sequence === other.sequence;
  }
}
