import { EntitySchema } from 'typeorm';

export interface CreditNoteRow {
  id: string;
  refundId: string;
  paymentId: string;
  number: string;
  year: number;
  sequence: number;
  status: string;
  invoiceNumber: string | null;
  amount: number | null;
  currency: string | null;
  reason: string | null;
  objectKey: string;
  byteSize: number | null;
  sha256: string | null;
  leaseToken: string | null;
  leaseUntil: Date | null;
  issuedAt: Date | null;
  emailedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const CreditNoteEntity = new EntitySchema<CreditNoteRow>({
  name: 'CreditNote',
  tableName: 'credit_notes',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    refundId: { type: 'varchar', length: 36, unique: true },
    paymentId: { type: 'varchar', length: 36 },
    number: { type: 'varchar', length: 20, unique: true },
    year: { type: 'int' },
    sequence: { type: 'int' },
    status: { type: 'varchar', length: 10 },
    invoiceNumber: { type: 'varchar', length: 20, nullable: true },
    amount: { type: 'int', nullable: true },
    currency: { type: 'varchar', length: 3, nullable: true },
    reason: { type: 'varchar', length: 500, nullable: true },
    objectKey: { type: 'varchar', length: 255 },
    byteSize: { type: 'int', nullable: true },
    sha256: { type: 'varchar', length: 64, nullable: true },
    leaseToken: { type: 'varchar', length: 64, nullable: true },
    leaseUntil: { type: 'datetime', precision: 3, nullable: true },
    issuedAt: { type: 'datetime', precision: 3, nullable: true },
    emailedAt: { type: 'datetime', precision: 3, nullable: true },
    createdAt: { type: 'datetime', precision: 3 },
    updatedAt: { type: 'datetime', precision: 3 },
  },
});
