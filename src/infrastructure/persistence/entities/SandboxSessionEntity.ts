import { EntitySchema } from 'typeorm';

export interface SandboxSessionRow {
  id: string;
  transactionId: string;
  /** The payment the checkout is for; opening a newer checkout for it voids this one. */
  paymentId: string | null;
  amount: number;
  currency: string;
  customerName: string;
  successUrl: string;
  failUrl: string;
  cancelUrl: string;
  outcome: string | null;
  valId: string | null;
  completedAt: Date | null;
  verifiedAt: Date | null;
  voidedAt: Date | null;
  createdAt: Date;
}

export const SandboxSessionEntity = new EntitySchema<SandboxSessionRow>({
  name: 'SandboxSession',
  tableName: 'sandbox_sessions',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    transactionId: { type: 'varchar', length: 64 },
    paymentId: { type: 'varchar', length: 36, nullable: true },
    amount: { type: 'int' },
    currency: { type: 'varchar', length: 3 },
    customerName: { type: 'varchar', length: 120 },
    successUrl: { type: 'varchar', length: 500 },
    failUrl: { type: 'varchar', length: 500 },
    cancelUrl: { type: 'varchar', length: 500 },
    outcome: { type: 'varchar', length: 16, nullable: true },
    valId: { type: 'varchar', length: 255, nullable: true, unique: true },
    completedAt: { type: 'datetime', precision: 3, nullable: true },
    verifiedAt: { type: 'datetime', precision: 3, nullable: true },
    voidedAt: { type: 'datetime', precision: 3, nullable: true },
    createdAt: { type: 'datetime', precision: 3 },
  },
});
