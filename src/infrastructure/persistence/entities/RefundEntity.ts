import { EntitySchema } from 'typeorm';

export interface RefundRow {
  id: string;
  paymentId: string;
  transactionId: string;
  paymentRef: string;
  gateway: string;
  amount: number;
  currency: string;
  reason: string;
  state: string;
  gatewayRefundId: string | null;
  failureReason: string | null;
  idempotencyKey: string;
  createdAt: Date;
  settledAt: Date | null;
  updatedAt: Date;
}

export const RefundEntity = new EntitySchema<RefundRow>({
  name: 'Refund',
  tableName: 'refunds',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    paymentId: { type: 'varchar', length: 36 },
    transactionId: { type: 'varchar', length: 64 },
    paymentRef: { type: 'varchar', length: 255 },
    gateway: { type: 'varchar', length: 20 },
    amount: { type: 'int' },
    currency: { type: 'varchar', length: 3 },
    reason: { type: 'varchar', length: 500 },
    state: { type: 'varchar', length: 16 },
    gatewayRefundId: { type: 'varchar', length: 255, nullable: true },
    failureReason: { type: 'varchar', length: 500, nullable: true },
    idempotencyKey: { type: 'varchar', length: 255, unique: true },
    createdAt: { type: 'datetime', precision: 3 },
    settledAt: { type: 'datetime', precision: 3, nullable: true },
    updatedAt: { type: 'datetime', precision: 3 },
  },
});
