import { EntitySchema } from 'typeorm';

export interface DivisionRow {
  id: string;
  name: string;
  slug: string;
  description: string | null;
  thumbnail: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const DivisionEntity = new EntitySchema<DivisionRow>({
  name: 'Division',
  tableName: 'divisions',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    name: { type: 'varchar', length: 120 },
    slug: { type: 'varchar', length: 140 },
    description: { type: 'text', nullable: true },
    thumbnail: { type: 'varchar', length: 500, nullable: true },
    createdAt: { type: 'datetime', precision: 3 },
    updatedAt: { type: 'datetime', precision: 3 },
  },
});
