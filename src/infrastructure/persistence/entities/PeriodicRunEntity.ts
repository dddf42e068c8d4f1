import { EntitySchema } from 'typeorm';

export interface PeriodicRunRow {
  task: string;
  startedAt: Date;
  markedAt: Date | null;
}

/** When each periodic task last started, whichever worker ran it, and when its last complete run started (its mark). */
export const PeriodicRunEntity = new EntitySchema<PeriodicRunRow>({
  name: 'PeriodicRun',
  tableName: 'periodic_runs',
  columns: {
    task: { type: 'varchar', length: 64, primary: true },
    startedAt: { type: 'datetime', precision: 3 },
    markedAt: { type: 'datetime', precision: 3, nullable: true },
  },
});
