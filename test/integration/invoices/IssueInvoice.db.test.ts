import { createHash } from 'node:crypto';
import { TypeOrmUnitOfWork } from '../../../src/infrastructure/persistence/TypeOrmUnitOfWork';
import type { TestDatabase } from '../../support/databases';
import { databaseKinds, openTestDatabase } from '../../support/databases';
import { issuingKit, seedPayment } from './invoiceDbKit';

describe.each(databaseKinds())('IssueInvoice on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database.close());

  const invoiceRows = () => database.db.dataSource.manager.createQueryBuilder().from('invoices', 'i').select(['i.number AS number', 'i.status AS status', 'i.paymentId AS paymentId']).orderBy('i.number').getRawMany();
  const counter = async (year: number) =>
    Number((await database.db.dataSource.manager.createQueryBuilder().from('document_sequences', 's').select('s.lastNumber', 'n').where("s.series = 'INV' AND s.year = :year", { year }).getRawOne()).n);

  test('issues a paid payment: billing read, number, stored PDF with matching SHA-256, email job', async () => {
    const kit = issuingKit(database.db);
    const { paymentId, email } = await seedPayment(database.db);
    const bill = await kit.billing.forPayment(paymentId);
    expect(bill).toMatchObject({ paymentStatus: 'PAID', guestCount: 2, customer: { email }, tour: { title: "Cox's Bazar Sea Beach Getaway" } });
    expect(bill!.amount.format()).toBe('25,000.00 BDT');

    const invoice = await kit.issueInvoice.execute({ paymentId });
    const stored = await kit.storage.get(invoice.objectKey);
    const reloaded = await kit.invoices.findByPaymentId(paymentId);
    expect(reloaded?.status).toBe('ISSUED');
    expect(reloaded?.sha256).toBe(createHash('sha256').update(stored!.bytes).digest('hex'));
    expect(reloaded?.byteSize).toBe(stored!.bytes.length);
    expect(reloaded?.billed?.total.format()).toBe('25,000.00 BDT');
    const jobs = await database.db.dataSource.manager.createQueryBuilder().from('jobs', 'j').select('j.type', 'type').where('j.dedupeKey = :k', { k: `invoice-email:${paymentId}` }).getRawMany();
    expect(jobs).toEqual([{ type: 'SendInvoiceEmail' }]);
  });

  test('concurrent runs: two per payment, eight payments at once → one invoice each, numbers without gaps', async () => {
    const kit = issuingKit(database.db);
    const before = await counter(2026);
    const payments = await Promise.all(Array.from({ length: 8 }, () => seedPayment(database.db)));
    const runs = payments.flatMap(({ paymentId }) => [kit.issueInvoice.execute({ paymentId }), kit.issueInvoice.execute({ paymentId })]);
    const outcomes = await Promise.allSettled(runs);
    for (const outcome of outcomes) if (outcome.status === 'rejected') expect(outcome.reason).toMatchObject({ code: 'INVOICE.BEING_ISSUED' });
    for (const { paymentId } of payments) await kit.issueInvoice.execute({ paymentId });

    const rows = (await invoiceRows()).filter((r) => payments.some((p) => p.paymentId === r.paymentId));
    expect(rows).toHaveLength(8);
    expect(rows.every((r) => r.status === 'ISSUED')).toBe(true);
    expect(rows.map((r) => r.number)).toEqual(Array.from({ length: 8 }, (_, i) => `INV-2026-${String(before + i + 1).padStart(6, '0')}`));
    expect(await counter(2026)).toBe(before + 8);
  });

  test('a rolled-back reservation leaves no gap', async () => {
    const kit = issuingKit(database.db);
    const before = await counter(2026);
    await expect(new TypeOrmUnitOfWork(database.db).run(async () => {
      await kit.invoices.reserveNextNumber(2026);
      throw new Error('crash inside the reservation');
    })).rejects.toThrow('crash');
    expect(await counter(2026)).toBe(before);
    const { paymentId } = await seedPayment(database.db);
    expect((await kit.issueInvoice.execute({ paymentId })).number.sequence).toBe(before + 1);
  });

  test('numbering across New Year (fake clock) and a year beyond the seeded range', async () => {
    const kit = issuingKit(database.db);
    kit.clock.set('2027-12-31T23:59:59.999Z');
    const a = await kit.issueInvoice.execute({ paymentId: (await seedPayment(database.db)).paymentId });
    kit.clock.set('2028-01-01T00:00:00.000Z');
    const b = await kit.issueInvoice.execute({ paymentId: (await seedPayment(database.db)).paymentId });
    const c = await kit.issueInvoice.execute({ paymentId: (await seedPayment(database.db)).paymentId });
    expect([a, b, c].map((i) => i.number.value)).toEqual(['INV-2027-000001', 'INV-2028-000001', 'INV-2028-000002']);
    expect(await kit.invoices.reserveNextNumber(2150)).toMatchObject({ year: 2150, sequence: 1 });
  });

  test('paymentsAwaitingInvoice lists PAID payments without an issued invoice', async () => {
    const kit = issuingKit(database.db);
    const waiting = await seedPayment(database.db);
    const unpaid = await seedPayment(database.db, { status: 'UNPAID' });
    const ids = await kit.billing.paymentsAwaitingInvoice(1000);
    expect(ids).toContain(waiting.paymentId);
    expect(ids).not.toContain(unpaid.paymentId);
    await kit.issueInvoice.execute({ paymentId: waiting.paymentId });
    expect(await kit.billing.paymentsAwaitingInvoice(1000)).not.toContain(waiting.paymentId);
  });
});
