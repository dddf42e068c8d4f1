import { TypeOrmCreditNoteRepository } from '../../src/infrastructure/persistence/repositories/TypeOrmCreditNoteRepository';
import { TypeOrmInvoiceRepository } from '../../src/infrastructure/persistence/repositories/TypeOrmInvoiceRepository';
import { TypeOrmUnitOfWork } from '../../src/infrastructure/persistence/TypeOrmUnitOfWork';
import { InMemoryCreditNoteRepository } from '../fakes/InMemoryCreditNoteRepository';
import { InMemoryInvoiceRepository } from '../fakes/InMemoryInvoiceRepository';
import { InMemoryUnitOfWork } from '../fakes/InMemoryUnitOfWork';
import { forEachDatabase } from '../support/databases';
import { describeCreditNoteRepositoryContract } from './CreditNoteRepository.contract';

describeCreditNoteRepositoryContract('InMemoryCreditNoteRepository', async () => ({
  notes: new InMemoryCreditNoteRepository(), invoices: new InMemoryInvoiceRepository(), uow: new InMemoryUnitOfWork(),
}));

forEachDatabase((kind, database) => {
  describeCreditNoteRepositoryContract(`TypeOrmCreditNoteRepository (${kind})`, async () => ({
    notes: new TypeOrmCreditNoteRepository(database()), invoices: new TypeOrmInvoiceRepository(database()), uow: new TypeOrmUnitOfWork(database()),
  }));
});
