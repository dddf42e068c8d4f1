import { randomUUID } from 'node:crypto';
import { emptyListQuery } from '../../../src/application/shared/ListQuery';
import { Invoice } from '../../../src/domain/invoice/Invoice';
import { TypeOrmUnitOfWork } from '../../../src/infrastructure/persistence/TypeOrmUnitOfWork';
import { TypeOrmBookingRepository } from '../../../src/infrastructure/persistence/repositories/TypeOrmBookingRepository';
import type { TestDatabase } from '../../support/databases';
import { databaseKinds, openTestDatabase } from '../../support/databases';
import { issuingKit, seedPayment } from '../invoices/invoiceDbKit';

describe.each(databaseKinds())('booking views on %s: the payment carries its issued invoice number', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database.close());

  test('ISSUED → its number; DRAFT or no invoice → null; in the detail and in the list alike', async () => {
    const kit = issuingKit(database.db);
    const issued = await seedPayment(database.db);
    const drafted = await seedPayment(database.db, { userId: issued.userId });
    const bare = await seedPayment(database.db, { userId: issued.userId });
    const invoice = await kit.issueInvoice.execute({ paymentId: issued.paymentId });
    // a number reserved by a worker that has not rendered the PDF yet
    await new TypeOrmUnitOfWork(database.db).run(async () => {
      const now = kit.clock.now();
      const draft = Invoice.draft({ id: randomUUID(), paymentId: drafted.paymentId, number: await kit.invoices.reserveNextNumber(2026), now });
      await kit.invoices.addDraft(draft, { token: 'held', until: new Date(now.getTime() + 60_000) });
    });

    const repo = new TypeOrmBookingRepository(database.db);
    const page = await repo.listViews(emptyListQuery({ limit: 10 }), { userId: issued.userId });
    const numberOf = new Map(page.items.map((v) => [v.payment!.id, v.payment!.invoiceNumber]));
    expect(page.total).toBe(3);
    expect(Object.fromEntries(numberOf)).toEqual({ [issued.paymentId]: invoice.number.value, [drafted.paymentId]: null, [bare.paymentId]: null });
    expect(invoice.number.value).toMatch(/^INV-\d{4}-\d{6}$/);

    const bookingId = page.items.find((v) => v.payment!.id === issued.paymentId)!.booking.id;
    expect((await repo.findView(bookingId))!.payment).toMatchObject({ id: issued.paymentId, status: 'PAID', invoiceNumber: invoice.number.value });
  });
});
