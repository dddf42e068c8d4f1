import { EntitySchema } from 'typeorm';

export interface JobRow {
  id: string;
  type: string;
  payload: string;
  status: string;
  attempts: number;
  maxAttempts: number;
  runAt: Date;
  leaseUntil: Date | null;
  claimToken: string | null;
  lastError: string | null;
  dedupeKey: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const JobEntity = new EntitySchema<JobRow>({
  name: 'Job',
  tableName: 'jobs',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    type: { type: 'varchar', length: 64 },
    payload: { type: 'text' },
    status: { type: 'varchar', length: 16 },
    attempts: { type: 'int' },
    maxAttempts: { type: 'int' },
    runAt: { type: 'datetime', precision: 3 },
    leaseUntil: { type: 'datetime', precision: 3, nullable: true },
    claimToken: { type: 'varchar', length: 64, nullable: true },
    lastError: { type: 'text', nullable: true },
    dedupeKey: { type: 'varchar', length: 191, nullable: true, unique: true },
    createdAt: { type: 'datetime', precision: 3 },
    updatedAt: { type: 'datetime', precision: 3 },
  },
});
