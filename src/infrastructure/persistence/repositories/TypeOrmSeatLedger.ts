import type { SeatLedger } from '../../../application/ports/SeatLedger';
import type { Database } from '../Database';
import { HOLDS_SEATS } from './seatHolds';

/**
 * Reads seat holds straight from the `bookings` table (owned by the bookings area) in one aggregate
 * query, for what views show. Writes decide on `BookingRepository.seatsHeld`, under the tour's lock.
 */
export class TypeOrmSeatLedger implements SeatLedger {
  constructor(private readonly db: Database) {}

  async seatsHeld(tourIds: string[], now: Date): Promise<Map<string, number>> {
    if (!tourIds.length) return new Map();
    const rows: { tourId: string; held: string | number }[] = await this.db
      .manager()
      .createQueryBuilder()
      .select('b.tourId', 'tourId')
      .addSelect('SUM(b.guestCount)', 'held')
      .from('bookings', 'b')
      .where('b.tourId IN (:...tourIds)', { tourIds: [...new Set(tourIds)] })
      .andWhere(HOLDS_SEATS, { now })
      .groupBy('b.tourId')
      .getRawMany();
    return new Map(rows.map((r) => [r.tourId, Number(r.held)]));
  }

  async hasLiveBookings(tourId: string): Promise<boolean> {
    const row = await this.db
      .manager()
      .createQueryBuilder()
      .select('1', 'one')
      .from('bookings', 'b')
      .where('b.tourId = :tourId', { tourId })
      .andWhere("b.status IN ('PENDING', 'COMPLETE')")
      .limit(1)
      .getRawOne();
    return Boolean(row);
  }
}
