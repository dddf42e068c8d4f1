import { EntitySchema } from 'typeorm';

/** A refund the sandbox gateway took: its own record, as a real gateway keeps one. */
export interface SandboxRefundRow {
  /** Our refund id: the idempotency key. */
  id: string;
  sessionId: string;
  transactionId: string;
  amount: number;
  currency: string;
  state: string;
  gatewayRefundId: string;
  failureReason: string | null;
  createdAt: Date;
  settledAt: Date | null;
}

export const SandboxRefundEntity = new EntitySchema<SandboxRefundRow>({
  name: 'SandboxRefund',
  tableName: 'sandbox_refunds',
  columns: {
    id: { type: 'varchar', length: 64, primary: true },
    sessionId: { type: 'varchar', length: 36 },
    transactionId: { type: 'varchar', length: 64 },
    amount: { type: 'int' },
    currency: { type: 'varchar', length: 3 },
    state: { type: 'varchar', length: 16 },
    gatewayRefundId: { type: 'varchar', length: 64 },
    failureReason: { type: 'varchar', length: 255, nullable: true },
    createdAt: { type: 'datetime', precision: 3 },
    settledAt: { type: 'datetime', precision: 3, nullable: true },
  },
});
