import { ERROR_CODES } from '../shared/errorCatalogue';
import { Conflict, ValidationFailed } from '../shared/errors';
import type { Money } from '../shared/Money';
import type { InvoiceNumber } from './InvoiceNumber';

export const INVOICE_STATUSES = ['DRAFT', 'ISSUED'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** What the invoice bills, frozen when it is issued. */
export interface BilledAmounts {
  guestCount: number;
  unitPrice: Money;
  total: Money;
}

/** The stored PDF: where it is and what its bytes are. */
export interface InvoiceDocument {
  byteSize: number;
  sha256: string;
}

export interface InvoiceProps {
  id: string;
  paymentId: string;
  number: InvoiceNumber;
  status: InvoiceStatus;
  billed: BilledAmounts | null;
  objectKey: string;
  byteSize: number | null;
  sha256: string | null;
  issuedAt: Date | null;
  /** Delivery bookkeeping, not part of the billed document: may move after issue. */
  emailedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * One invoice per paid payment. Its number is reserved with a DRAFT; it becomes ISSUED
 * once its PDF is stored, and from then on its number, amounts and document never change.
 */
export class Invoice {
  private constructor(private props: InvoiceProps) {}

  static draft(input: { id: string; paymentId: string; number: InvoiceNumber; now: Date }): Invoice {
    return new Invoice({
      id: input.id,
      paymentId: input.paymentId,
      number: input.number,
      status: 'DRAFT',
      billed: null,
      objectKey: Invoice.objectKeyFor(input.number),
      byteSize: null,
      sha256: null,
      issuedAt: null,
      emailedAt: null,
      createdAt: input.now,
      updatedAt: input.now,
    });
  }

  static restore(props: InvoiceProps): Invoice {
    return new Invoice({ ...props });
  }

  /** Where the PDF of `number` is stored: `invoices/2026/INV-2026-000001.pdf`. */
  static objectKeyFor(number: InvoiceNumber): string {
    return `invoices/${number.year}/${number.value}.pdf`;
  }

  get id(): string { return this.props.id; }
  get paymentId(): string { return this.props.paymentId; }
  get number(): InvoiceNumber { return this.props.number; }
  get status(): InvoiceStatus { return this.props.status; }
  get isIssued(): boolean { return this.props.status === 'ISSUED'; }
  get billed(): BilledAmounts | null { return this.props.billed; }
  get objectKey(): string { return this.props.objectKey; }
  get byteSize(): number | null { return this.props.byteSize; }
  get sha256(): string | null { return this.props.sha256; }
  get issuedAt(): Date | null { return this.props.issuedAt; }
  get emailedAt(): Date | null { return this.props.emailedAt; }
  get createdAt(): Date { return this.props.createdAt; }
  get updatedAt(): Date { return this.props.updatedAt; }
  /** The name a downloaded copy gets. */
  get fileName(): string { return `${this.props.number.value}.pdf`; }

  toProps(): InvoiceProps {
    return { ...this.props };
  }

  issue(billed: BilledAmounts, document: InvoiceDocument, now: Date): void {
    if (this.props.status !== 'DRAFT') throw new Conflict(`Invoice ${this.props.number.value} is already issued`, ERROR_CODES.INVOICE.ALREADY_ISSUED);
    assertConsistent(billed);
    assertDocument(document);
    this.props = { ...this.props, status: 'ISSUED', billed, ...document, issuedAt: now, updatedAt: now };
  }

  recordEmailed(now: Date): void {
    if (this.props.status !== 'ISSUED') throw new Conflict('Only an issued invoice can be emailed', ERROR_CODES.INVOICE.NOT_ISSUED);
    this.props.emailedAt = now;
  }
}

/** A stored PDF's size and SHA-256, as an issued invoice or credit note records them. */
export function assertDocument(document: InvoiceDocument): void {
  if (!Number.isSafeInteger(document.byteSize) || document.byteSize <= 0) throw ValidationFailed.field('byteSize', 'must be a positive number of bytes');
  if (!SHA256.test(document.sha256)) throw ValidationFailed.field('sha256', 'must be 64 lowercase hex digits');
}

function assertConsistent(billed: BilledAmounts): void {
  if (!Number.isSafeInteger(billed.guestCount) || billed.guestCount < 1) throw ValidationFailed.field('guestCount', 'must be a positive integer');
  if (billed.unitPrice.currency !== billed.total.currency || !billed.unitPrice.times(billed.guestCount).equals(billed.total)) {
    throw new Conflict(`Billed total ${billed.total.format()} is not ${billed.guestCount} × ${billed.unitPrice.format()}`, ERROR_CODES.INVOICE.AMOUNTS_INCONSISTENT);
  }
}
