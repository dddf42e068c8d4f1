import { randomUUID } from 'node:crypto';
import type { BookableTour } from '../../src/application/ports/BookingRepository';
import { Money } from '../../src/domain/shared/Money';
import type { Database } from '../../src/infrastructure/persistence/Database';

let n = 0;

export interface TourRowOverrides {
  id?: string;
  title?: string;
  /** Major units, like the API. */
  price?: number;
  currency?: string;
  maxGuest?: number;
  startDate?: Date | null;
  images?: string[];
}

/** Tours for booking tests, without the catalogue's code: bookable values, or rows written straight into `tours`. */
export const TourMother = {
  bookable(overrides: Partial<BookableTour> = {}): BookableTour {
    n += 1;
    return {
      id: `tour-${String(n).padStart(4, '0')}`,
      title: `Sundarbans trip ${n}`,
      capacity: 10,
      startDate: new Date('2026-06-01T06:00:00.000Z'),
      price: Money.ofMinor(1_250_000, 'BDT'),
      ...overrides,
    };
  },

  /** Inserts a tour row (with its division and tour type) and returns its id and slug. */
  async insert(db: Database, overrides: TourRowOverrides = {}): Promise<{ id: string; slug: string; title: string }> {
    n += 1;
    const suffix = `${n}-${randomUUID().slice(0, 8)}`;
    const id = overrides.id ?? randomUUID();
    const title = overrides.title ?? `Cox's Bazar getaway ${suffix}`;
    const slug = `tour-${suffix}`;
    const now = new Date();
    const divisionId = randomUUID();
    const tourTypeId = randomUUID();
    await db.transaction(async () => {
      const m = db.manager();
      await m.createQueryBuilder().insert().into('divisions').values({ id: divisionId, name: `Division ${suffix}`, slug: `division-${suffix}`, description: null, thumbnail: null, createdAt: now, updatedAt: now }).execute();
      await m.createQueryBuilder().insert().into('tour_types').values({ id: tourTypeId, name: `Type ${suffix}`, createdAt: now, updatedAt: now }).execute();
      await m.createQueryBuilder().insert().into('tours').values({
        id, title, slug, description: 'A tour for tests', location: 'Cox\'s Bazar',
        costFrom: Math.round((overrides.price ?? 12_500) * 100), currency: overrides.currency ?? 'BDT',
        startDate: overrides.startDate === undefined ? new Date(Date.now() + 30 * 86_400_000) : overrides.startDate, endDate: null,
        departureLocation: null, arrivalLocation: null, included: '[]', excluded: '[]', amenities: '[]', tourPlan: '[]',
        images: JSON.stringify(overrides.images ?? ['https://img.test/a.jpg']), maxGuest: overrides.maxGuest ?? 10, minAge: null,
        divisionId, tourTypeId, createdAt: now, updatedAt: now,
      }).execute();
    });
    return { id, slug, title };
  },
};
