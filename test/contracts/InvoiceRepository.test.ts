import { TypeOrmUnitOfWork } from '../../src/infrastructure/persistence/TypeOrmUnitOfWork';
import { TypeOrmInvoiceRepository } from '../../src/infrastructure/persistence/repositories/TypeOrmInvoiceRepository';
import { InMemoryInvoiceRepository } from '../fakes/InMemoryInvoiceRepository';
import { InMemoryUnitOfWork } from '../fakes/InMemoryUnitOfWork';
import { forEachDatabase } from '../support/databases';
import { describeInvoiceRepositoryContract } from './InvoiceRepository.contract';

describeInvoiceRepositoryContract('InMemoryInvoiceRepository', async () => ({ invoices: new InMemoryInvoiceRepository(), uow: new InMemoryUnitOfWork() }));

forEachDatabase((kind, database) => {
  describeInvoiceRepositoryContract(`TypeOrmInvoiceRepository (${kind})`, async () => ({
    invoices: new TypeOrmInvoiceRepository(database()),
    uow: new TypeOrmUnitOfWork(database()),
  }));
});
