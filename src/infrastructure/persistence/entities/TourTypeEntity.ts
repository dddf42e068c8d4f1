import { EntitySchema } from 'typeorm';

export interface TourTypeRow {
  id: string;
  name: string;
  createdAt: Date;
  updatedAt: Date;
}

export const TourTypeEntity = new EntitySchema<TourTypeRow>({
  name: 'TourType',
  tableName: 'tour_types',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    name: { type: 'varchar', length: 120 },
    createdAt: { type: 'datetime', precision: 3 },
    updatedAt: { type: 'datetime', precision: 3 },
  },
});
