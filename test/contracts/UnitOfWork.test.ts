import { TypeOrmUnitOfWork } from '../../src/infrastructure/persistence/TypeOrmUnitOfWork';
import { InMemoryUnitOfWork } from '../fakes/InMemoryUnitOfWork';
import { TransactionalTable } from '../fakes/TransactionalTable';
import { forEachDatabase } from '../support/databases';
import { describeUnitOfWorkContract } from './UnitOfWork.contract';

describeUnitOfWorkContract('InMemoryUnitOfWork', async () => {
  const values = new TransactionalTable<{ v: string }>();
  return {
    uow: new InMemoryUnitOfWork(),
    write: (v) => values.set(v, { v }),
    committed: async () => values.values().map((r) => r.v).sort(),
  };
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
