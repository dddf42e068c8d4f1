import { EntitySchema } from 'typeorm';

export interface PeriodicRunRow {
  task: string;
  startedAt: Date;
}

/** When each periodic task last started, whichever worker ran it. */
export const PeriodicRunEntity = new EntitySchema<PeriodicRunRow>({
  name: 'PeriodicRun',
  tableName: 'periodic_runs',
  columns: {
    task: { type: 'varchar', length: 64, primary: true },
    startedAt: { type: 'datetime', precision: 3 },
  },
});
