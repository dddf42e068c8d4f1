import type { DocumentNumber } from '../../domain/invoice/DocumentNumber';

/** Who is issuing a DRAFT, until when; the token fences out a worker whose lease ran out. */
export interface IssueLease {
  token: string;
  until: Date;
}

/**
 * Numbered documents issued from a DRAFT (invoices, credit notes, docs/adr/0005): a gapless
 * number per year reserved with the DRAFT, a lease on the DRAFT while its PDF is made, and a
 * fenced issue.
 */
export interface DraftDocuments<D extends { id: string }, N extends DocumentNumber> {
  /** The year's next number; the counter moves with the surrounding transaction, so a rollback leaves no gap. */
  reserveNextNumber(year: number): Promise<N>;
  /** Stores a DRAFT held under `lease`; throws Conflict `<SERIES>.EXISTS` when its subject already has one. */
  addDraft(document: D, lease: IssueLease): Promise<void>;
  /** Takes over a DRAFT nobody holds (lease lapsed or released); false otherwise. */
  takeLease(id: string, lease: IssueLease, now: Date): Promise<boolean>;
  releaseLease(id: string, token: string): Promise<void>;
  /** Writes the issued state, only over a DRAFT still held under `token`; false otherwise. */
  saveIssued(document: D, token: string): Promise<boolean>;
  markEmailed(id: string, now: Date): Promise<void>;
}
