import type { UnitOfWork } from '../../application/ports/UnitOfWork';
import type { Database } from './Database';

export class TypeOrmUnitOfWork implements UnitOfWork {
  constructor(private readonly db: Database) {}

  run<T>(work: () => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }
}
