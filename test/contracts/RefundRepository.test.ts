import { TypeOrmRefundRepository } from '../../src/infrastructure/persistence/repositories/TypeOrmRefundRepository';
import { TypeOrmUnitOfWork } from '../../src/infrastructure/persistence/TypeOrmUnitOfWork';
import { InMemoryRefundRepository } from '../fakes/InMemoryRefundRepository';
import { InMemoryUnitOfWork } from '../fakes/InMemoryUnitOfWork';
import { forEachDatabase } from '../support/databases';
import { describeRefundRepositoryContract } from './RefundRepository.contract';

describeRefundRepositoryContract('InMemoryRefundRepository', async () => ({ refunds: new InMemoryRefundRepository(), uow: new InMemoryUnitOfWork() }));

forEachDatabase((kind, database) => {
  describeRefundRepositoryContract(`TypeOrmRefundRepository (${kind})`, async () => {
    await database().dataSource.query('DELETE FROM refunds');
    return { refunds: new TypeOrmRefundRepository(database()), uow: new TypeOrmUnitOfWork(database()) };
  });
});
