import { GetPayment } from '../../../../src/application/payments/GetPayment';
import { Invoice } from '../../../../src/domain/invoice/Invoice';
import { Money } from '../../../../src/domain/shared/Money';
import { InMemoryInvoiceRepository } from '../../../fakes/InMemoryInvoiceRepository';
import { bookingWorld } from '../bookingWorld';

const SHA = 'a'.repeat(64);

async function paidPayment() {
  const w = bookingWorld();
  const invoices = new InMemoryInvoiceRepository();
  const getPayment = new GetPayment(w.payments, w.bookings, invoices);
  const user = await w.traveller();
  const tour = w.tour({ price: Money.ofMinor(800_000, 'BDT') });
  const { payment } = await w.book(user, tour, 2);
  await w.confirmPayment.execute({ callback: w.gateway.pay(payment.transactionId), source: 'redirect' });
  return { w, invoices, getPayment, user, payment };
}

describe('GetPayment', () => {
  test('no invoice number until the invoice is issued; a reserved DRAFT number is not shown', async () => {
    const { w, invoices, getPayment, user, payment } = await paidPayment();
    const owner = { userId: user.id, role: user.role };
    expect((await getPayment.execute(owner, payment.id)).invoiceNumber).toBeNull();

    const number = await invoices.reserveNextNumber(2026);
    const draft = Invoice.draft({ id: 'inv-1', paymentId: payment.id, number, now: w.clock.now() });
    await invoices.addDraft(draft, { token: 'lease', until: new Date(w.clock.now().getTime() + 60_000) });
    expect((await getPayment.execute(owner, payment.id)).invoiceNumber).toBeNull();

    const unit = Money.ofMinor(800_000, 'BDT');
    draft.issue({ guestCount: 2, unitPrice: unit, total: unit.times(2) }, { byteSize: 1234, sha256: SHA }, w.clock.now());
    expect(await invoices.saveIssued(draft, 'lease')).toBe(true);
    const seen = await getPayment.execute(owner, payment.id);
    expect(seen.invoiceNumber).toBe('INV-2026-000001');
    expect(seen.payment.status).toBe('PAID');
  });

  test('another traveller gets NotFound; an admin sees the payment', async () => {
    const { w, getPayment, payment } = await paidPayment();
    const stranger = await w.traveller();
    await expect(getPayment.execute({ userId: stranger.id, role: stranger.role }, payment.id)).rejects.toMatchObject({ code: 'PAYMENT.NOT_FOUND' });
    expect((await getPayment.execute({ userId: 'someone', role: 'ADMIN' }, payment.id)).payment.id).toBe(payment.id);
  });
});
