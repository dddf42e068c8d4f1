import { TypeOrmUnitOfWork } from '../../src/infrastructure/persistence/TypeOrmUnitOfWork';
import { InMemoryUnitOfWork, Snapshottable } from '../fakes/InMemoryUnitOfWork';
import { forEachDatabase } from '../support/databases';
import { describeUnitOfWorkContract } from './UnitOfWork.contract';

class Values implements Snapshottable {
  list: string[] = [];
  snapshot(): unknown {
    return [...this.list];
  }
  restore(state: unknown): void {
    this.list = state as string[];
  }
}

describeUnitOfWorkContract('InMemoryUnitOfWork', async () => {
  const values = new Values();
  return { uow: new InMemoryUnitOfWork([values]), write: async (v) => void values.list.push(v), committed: async () => values.list };
});

forEachDatabase((kind, database) => {
  beforeAll(async () => {
    await database().dataSource.query('CREATE TABLE uow_contract (v varchar(40) NOT NULL)');
  });

  describeUnitOfWorkContract(`TypeOrmUnitOfWork (${kind})`, async () => {
    await database().dataSource.query('DELETE FROM uow_contract');
    return {
      uow: new TypeOrmUnitOfWork(database()),
      write: async (v) => void (await database().manager().query('INSERT INTO uow_contract (v) VALUES (?)', [v])),
      committed: async () => (await database().dataSource.query('SELECT v FROM uow_contract ORDER BY v')).map((r: { v: string }) => r.v),
    };
  });
});
