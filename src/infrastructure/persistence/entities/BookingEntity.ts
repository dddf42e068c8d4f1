import { EntitySchema } from 'typeorm';

export interface BookingRow {
  id: string;
  userId: string;
  tourId: string;
  guestCount: number;
  status: string;
  expiresAt: Date;
  amount: number;
  currency: string;
  createdAt: Date;
  updatedAt: Date;
}

export const BookingEntity = new EntitySchema<BookingRow>({
  name: 'Booking',
  tableName: 'bookings',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    userId: { type: 'varchar', length: 36 },
    tourId: { type: 'varchar', length: 36 },
    guestCount: { type: 'int' },
    status: { type: 'varchar', length: 16 },
    expiresAt: { type: 'datetime', precision: 3 },
    amount: { type: 'int' },
    currency: { type: 'varchar', length: 3 },
    createdAt: { type: 'datetime', precision: 3 },
    updatedAt: { type: 'datetime', precision: 3 },
  },
});
