import type { DocumentNumber } from '../../domain/invoice/DocumentNumber';
import type { CodeOf } from '../../domain/shared/errorCatalogue';
import { Conflict } from '../../domain/shared/errors';
import type { Clock } from '../ports/Clock';
import type { DraftDocuments, IssueLease } from '../ports/DraftDocuments';
import type { UnitOfWork } from '../ports/UnitOfWork';

/** A numbered document issued from a DRAFT: an invoice or a credit note. */
export interface DraftDocument {
  id: string;
  isIssued: boolean;
  number: DocumentNumber;
}

/** The codes a series answers its races with. */
export interface DraftCodes {
  /** Its subject already has a document (another run reserved first). */
  exists: CodeOf<'conflict'>;
  beingIssued: CodeOf<'conflict'>;
  leaseLost: CodeOf<'conflict'>;
}

export interface DraftIssuing<D extends DraftDocument, N extends DocumentNumber> {
  store: DraftDocuments<D, N>;
  uow: UnitOfWork;
  clock: Clock;
  codes: DraftCodes;
}

/**
 * The subject's DRAFT, now held by us under `lease` (docs/adr/0005): a new one with the year's
 * next number (reserved in the same short transaction, so a rollback leaves no gap), or the
 * existing one whose holder is gone. Issued already: answered as it is.
 */
export async function holdDraft<D extends DraftDocument, N extends DocumentNumber>(
  issuing: DraftIssuing<D, N>,
  existing: D | null,
  lease: IssueLease,
  draft: { create: (number: N, now: Date) => D; reread: () => Promise<D | null> },
): Promise<D> {
  const { store, uow, clock, codes } = issuing;
  let held = existing;
  if (!held) {
    try {
      return await uow.run(async () => {
        const now = clock.now();
        const created = draft.create(await store.reserveNextNumber(now.getUTCFullYear()), now);
        await store.addDraft(created, lease);
        return created;
      });
    } catch (error) {
      // Another run reserved first; its transaction, counter included, is the one that counts.
      if (!(error instanceof Conflict && error.code === codes.exists)) throw error;
      held = await draft.reread();
      if (!held) throw error;
    }
  }
  if (held.isIssued) return held;
  const document = held;
  if (!(await uow.run(() => store.takeLease(document.id, lease, clock.now())))) {
    throw new Conflict(`${document.number.value} is being issued by another worker`, codes.beingIssued);
  }
  return document;
}

/**
 * Renders and stores the held DRAFT's document (`make`, outside any transaction), then saves it
 * issued, fenced by the lease, with `alongside` (its email job) in the same commit. On failure the
 * lease is released so the next attempt starts at once.
 */
export async function issueHeld<D extends DraftDocument, N extends DocumentNumber>(
  issuing: DraftIssuing<D, N>,
  document: D,
  lease: IssueLease,
  steps: { make: () => Promise<void>; alongside: () => Promise<void> },
): Promise<void> {
  const { store, uow, codes } = issuing;
  try {
    await steps.make();
    const saved = await uow.run(async () => {
      if (!(await store.saveIssued(document, lease.token))) return false;
      await steps.alongside();
      return true;
    });
    if (!saved) throw new Conflict(`${document.number.value} was taken over by another worker`, codes.leaseLost);
  } catch (error) {
    // If this fails too, the lease simply lapses.
    await store.releaseLease(document.id, lease.token).catch(() => undefined);
    throw error;
  }
}
