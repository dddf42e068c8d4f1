import { TypeOrmUnitOfWork } from '../../src/infrastructure/persistence/TypeOrmUnitOfWork';
import { TypeOrmPaymentRepository } from '../../src/infrastructure/persistence/repositories/TypeOrmPaymentRepository';
import { InMemoryPaymentRepository } from '../fakes/InMemoryPaymentRepository';
import { InMemoryUnitOfWork } from '../fakes/InMemoryUnitOfWork';
import { forEachDatabase } from '../support/databases';
import { describePaymentRepositoryContract } from './PaymentRepository.contract';

describePaymentRepositoryContract('InMemoryPaymentRepository', async () => {
  const payments = new InMemoryPaymentRepository();
  return { payments, uow: new InMemoryUnitOfWork() };
});

forEachDatabase((kind, database) => {
  describePaymentRepositoryContract(`TypeOrmPaymentRepository (${kind})`, async () => {
    await database().dataSource.query('DELETE FROM payment_attempts');
    await database().dataSource.query('DELETE FROM payments');
    return { payments: new TypeOrmPaymentRepository(database()), uow: new TypeOrmUnitOfWork(database()) };
  });
});
