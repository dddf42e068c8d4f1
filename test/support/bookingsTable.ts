import type { Database } from '../../src/infrastructure/persistence/Database';
import { catalogueChanged } from '../../src/infrastructure/persistence/dataVersions';
import { col, createTable } from '../../src/infrastructure/persistence/migrations/schema';

/**
 * The bookings area owns the `bookings` table and its migration. Until that migration is
 * registered, catalogue tests create a stand-in with the agreed columns; once it exists,
 * the real table is used and this does nothing.
 */
export async function ensureBookingsTable(db: Database): Promise<void> {
  const runner = db.dataSource.createQueryRunner();
  try {
    if (await runner.hasTable('bookings')) return;
    await createTable(runner, 'bookings', [
      col.id(), col.ref('userId'), col.ref('tourId'), col.int('guestCount'), col.text('status', 20), col.time('expiresAt'),
      col.int('amount'), col.text('currency', 3), col.time('createdAt'), col.time('updatedAt'),
    ], [{ columns: ['tourId', 'status'] }]);
  } finally {
    await runner.release();
  }
}

let n = 0;

export async function insertBooking(
  db: Database,
  booking: { tourId: string; guestCount: number; status: string; expiresAt: Date; userId?: string },
): Promise<void> {
  n += 1;
  const now = new Date();
  await db.dataSource
    .createQueryBuilder()
    .insert()
    .into('bookings')
    .values({
      id: `booking-${process.pid}-${n}-${Math.random().toString(36).slice(2, 8)}`,
      userId: booking.userId ?? 'user-1',
      tourId: booking.tourId,
      guestCount: booking.guestCount,
      status: booking.status,
      expiresAt: booking.expiresAt,
      amount: 1000 * booking.guestCount,
      currency: 'BDT',
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  // Like the bookings repository: seats changed, so the catalogue's version moves (cached reads see it).
  await catalogueChanged(db, booking.tourId);
}
