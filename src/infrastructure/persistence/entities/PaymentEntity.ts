import { EntitySchema } from 'typeorm';

export interface PaymentRow {
  id: string;
  bookingId: string;
  transactionId: string;
  amount: number;
  currency: string;
  status: string;
  gateway: string;
  gatewayRef: string | null;
  valId: string | null;
  refundDue: boolean;
  refundedAmount: number;
  refundPendingAmount: number;
  paidAt: Date | null;
  confirmationSentAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const PaymentEntity = new EntitySchema<PaymentRow>({
  name: 'Payment',
  tableName: 'payments',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    bookingId: { type: 'varchar', length: 36, unique: true },
    transactionId: { type: 'varchar', length: 64, unique: true },
    amount: { type: 'int' },
    currency: { type: 'varchar', length: 3 },
    status: { type: 'varchar', length: 20 },
    gateway: { type: 'varchar', length: 20 },
    gatewayRef: { type: 'varchar', length: 255, nullable: true },
    valId: { type: 'varchar', length: 255, nullable: true },
    refundDue: { type: 'boolean' },
    refundedAmount: { type: 'int', default: 0 },
    refundPendingAmount: { type: 'int', default: 0 },
    paidAt: { type: 'datetime', precision: 3, nullable: true },
    confirmationSentAt: { type: 'datetime', precision: 3, nullable: true },
    createdAt: { type: 'datetime', precision: 3 },
    updatedAt: { type: 'datetime', precision: 3 },
  },
});

export interface PaymentEventRow {
  id: string;
  paymentId: string;
  bookingId: string;
  type: string;
  fromStatus: string | null;
  toStatus: string | null;
  detail: string | null;
  createdAt: Date;
}

export const PaymentEventEntity = new EntitySchema<PaymentEventRow>({
  name: 'PaymentEvent',
  tableName: 'payment_events',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    paymentId: { type: 'varchar', length: 36 },
    bookingId: { type: 'varchar', length: 36 },
    type: { type: 'varchar', length: 32 },
    fromStatus: { type: 'varchar', length: 20, nullable: true },
    toStatus: { type: 'varchar', length: 20, nullable: true },
    detail: { type: 'text', nullable: true },
    createdAt: { type: 'datetime', precision: 3 },
  },
});

export interface PaymentAttemptRow {
  transactionId: string;
  paymentId: string;
  gateway: string;
  gatewayRef: string | null;
  status: string;
  valId: string | null;
  paymentRef: string | null;
  supersededAt: Date | null;
  settledAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const PaymentAttemptEntity = new EntitySchema<PaymentAttemptRow>({
  name: 'PaymentAttempt',
  tableName: 'payment_attempts',
  columns: {
    transactionId: { type: 'varchar', length: 64, primary: true },
    paymentId: { type: 'varchar', length: 36 },
    gateway: { type: 'varchar', length: 20 },
    gatewayRef: { type: 'varchar', length: 255, nullable: true },
    status: { type: 'varchar', length: 16 },
    valId: { type: 'varchar', length: 255, nullable: true },
    paymentRef: { name: 'gateway_payment_ref', type: 'varchar', length: 255, nullable: true },
    supersededAt: { type: 'datetime', precision: 3, nullable: true },
    settledAt: { type: 'datetime', precision: 3, nullable: true },
    createdAt: { type: 'datetime', precision: 3 },
    updatedAt: { type: 'datetime', precision: 3 },
  },
});
