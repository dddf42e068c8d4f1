import { EntitySchema } from 'typeorm';

export interface TourRow {
  id: string;
  title: string;
  slug: string;
  description: string | null;
  location: string | null;
  /** Integer minor units of `currency`. */
  costFrom: number;
  currency: string;
  startDate: Date | null;
  endDate: Date | null;
  departureLocation: string | null;
  arrivalLocation: string | null;
  /** JSON arrays as text, portable across MySQL and SQLite. */
  included: string | null;
  excluded: string | null;
  amenities: string | null;
  tourPlan: string | null;
  images: string | null;
  maxGuest: number;
  minAge: number | null;
  divisionId: string;
  tourTypeId: string;
  createdAt: Date;
  updatedAt: Date;
}

export const TourEntity = new EntitySchema<TourRow>({
  name: 'Tour',
  tableName: 'tours',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    title: { type: 'varchar', length: 200 },
    slug: { type: 'varchar', length: 220 },
    description: { type: 'text', nullable: true },
    location: { type: 'varchar', length: 200, nullable: true },
    costFrom: { type: 'int' },
    currency: { type: 'varchar', length: 3 },
    startDate: { type: 'datetime', precision: 3, nullable: true },
    endDate: { type: 'datetime', precision: 3, nullable: true },
    departureLocation: { type: 'varchar', length: 200, nullable: true },
    arrivalLocation: { type: 'varchar', length: 200, nullable: true },
    included: { type: 'text', nullable: true },
    excluded: { type: 'text', nullable: true },
    amenities: { type: 'text', nullable: true },
    tourPlan: { type: 'text', nullable: true },
    images: { type: 'text', nullable: true },
    maxGuest: { type: 'int' },
    minAge: { type: 'int', nullable: true },
    divisionId: { type: 'varchar', length: 36 },
    tourTypeId: { type: 'varchar', length: 36 },
    createdAt: { type: 'datetime', precision: 3 },
    updatedAt: { type: 'datetime', precision: 3 },
  },
});
