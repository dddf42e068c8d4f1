import { ERROR_CODES } from '../shared/errorCatalogue';
import { Conflict, ValidationFailed } from '../shared/errors';
import type { Money } from '../shared/Money';
import type { CreditNoteNumber } from './CreditNoteNumber';
import type { InvoiceDocument, InvoiceStatus } from './Invoice';
import { assertDocument } from './Invoice';
import type { InvoiceNumber } from './InvoiceNumber';

/** What the credit note says, frozen when it is issued: the invoice it corrects and the money given back. */
export interface Credited {
  invoiceNumber: InvoiceNumber;
  amount: Money;
  reason: string;
}

export interface CreditNoteProps {
  id: string;
  /** One credit note per completed refund. */
  refundId: string;
  paymentId: string;
  number: CreditNoteNumber;
  status: InvoiceStatus;
  credited: Credited | null;
  objectKey: string;
  byteSize: number | null;
  sha256: string | null;
  issuedAt: Date | null;
  emailedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * The document that corrects an issued invoice when money is given back: the invoice itself never
 * changes. Numbered like invoices (a DRAFT reserves the number), immutable once ISSUED.
 */
export class CreditNote {
  private constructor(private props: CreditNoteProps) {}

  static draft(input: { id: string; refundId: string; paymentId: string; number: CreditNoteNumber; now: Date }): CreditNote {
    return new CreditNote({
      ...input, status: 'DRAFT', credited: null, objectKey: `credit-notes/${input.number.year}/${input.number.value}.pdf`,
      byteSize: null, sha256: null, issuedAt: null, emailedAt: null, createdAt: input.now, updatedAt: input.now,
    });
  }

  static restore(props: CreditNoteProps): CreditNote {
    return new CreditNote({ ...props });
  }

  get id(): string { return this.props.id; }
  get refundId(): string { return this.props.refundId; }
  get paymentId(): string { return this.props.paymentId; }
  get number(): CreditNoteNumber { return this.props.number; }
  get status(): InvoiceStatus { return this.props.status; }
  get isIssued(): boolean { return this.props.status === 'ISSUED'; }
  get credited(): Credited | null { return this.props.credited; }
  get objectKey(): string { return this.props.objectKey; }
  get sha256(): string | null { return this.props.sha256; }
  get issuedAt(): Date | null { return this.props.issuedAt; }
  get emailedAt(): Date | null { return this.props.emailedAt; }
  get createdAt(): Date { return this.props.createdAt; }
  get fileName(): string { return `${this.props.number.value}.pdf`; }

  toProps(): CreditNoteProps {
    return { ...this.props };
  }

  issue(credited: Credited, document: InvoiceDocument, now: Date): void {
    if (this.props.status !== 'DRAFT') throw new Conflict(`Credit note ${this.props.number.value} is already issued`, ERROR_CODES.INVOICE.ALREADY_ISSUED);
    if (credited.amount.minor <= 0) throw ValidationFailed.field('amount', 'must be more than zero');
    assertDocument(document);
    this.props = { ...this.props, status: 'ISSUED', credited, ...document, issuedAt: now, updatedAt: now };
  }
}
