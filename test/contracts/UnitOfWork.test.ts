import { TypeOrmUnitOfWork } from '../../src/infrastructure/persistence/TypeOrmUnitOfWork';
import { InMemoryUnitOfWork } from '../fakes/InMemoryUnitOfWork';
import { TransactionalTable } from '../fakes/TransactionalTable';
import { forEachDatabase } from '../support/databases';
import { describeUnitOfWorkContract } from './UnitOfWork.contract';

describeUnitOfWorkContract('InMemoryUnitOfWork', async () => {
  const values = new TransactionalTable<{ v: string }>();
  const counters = new TransactionalTable<{ n: number }>();
  return {
    uow: new InMemoryUnitOfWork(),
    write: (v) => values.set(v, { v }),
    committed: async () => values.values().map((r) => r.v).sort(),
    bump: async (key) => counters.set(key, { n: ((await counters.lock(key))?.n ?? 0) + 1 }),
    counter: async (key) => counters.get(key)?.n ?? 0,
  };
});

forEachDatabase((kind, database) => {
  beforeAll(async () => {
    await database().dataSource.query('CREATE TABLE uow_contract (v varchar(40) NOT NULL)');
    await database().dataSource.query('CREATE TABLE uow_contract_counters (k varchar(40) NOT NULL PRIMARY KEY, n int NOT NULL)');
  });

  describeUnitOfWorkContract(`TypeOrmUnitOfWork (${kind})`, async () => {
    await database().dataSource.query('DELETE FROM uow_contract');
    await database().dataSource.query("DELETE FROM uow_contract_counters");
    await database().dataSource.query("INSERT INTO uow_contract_counters (k, n) VALUES ('shared', 0), ('left', 0), ('right', 0)");
    const db = database();
    return {
      uow: new TypeOrmUnitOfWork(db),
      bump: async (key) => {
        const read = db.manager().createQueryBuilder().select('c.n', 'n').from('uow_contract_counters', 'c').where('c.k = :key', { key });
        const { n } = await db.locking(read).getRawOne();
        await db.manager().query('UPDATE uow_contract_counters SET n = ? WHERE k = ?', [Number(n) + 1, key]);
      },
      counter: async (key) => Number((await db.dataSource.query('SELECT n FROM uow_contract_counters WHERE k = ?', [key]))[0].n),
      write: async (v) => void (await database().manager().query('INSERT INTO uow_contract (v) VALUES (?)', [v])),
      committed: async () => (await database().dataSource.query('SELECT v FROM uow_contract ORDER BY v')).map((r: { v: string }) => r.v),
    };
  });
});

test('the in-memory unit of work reaches the deadlock path for real: crossing locks make one of two run again', async () => {
  const uow = new InMemoryUnitOfWork();
  const rows = new TransactionalTable<{ n: number }>();
  const bump = async (key: string) => rows.set(key, { n: ((await rows.lock(key))?.n ?? 0) + 1 });
  let arrived = 0;
  let bothHoldOne!: () => void;
  const met = new Promise<void>((resolve) => (bothHoldOne = resolve));
  const crossing = (first: string, second: string) => uow.run(async () => {
    await bump(first);
    if (++arrived === 2) bothHoldOne();
    await met;
    await bump(second);
  });
  await Promise.all([crossing('left', 'right'), crossing('right', 'left')]);
  expect(uow.retries).toBe(1);
  expect([rows.get('left')?.n, rows.get('right')?.n]).toEqual([2, 2]);
});
