import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

interface FakeRefund {
  refund_trans_id: string;
  refund_ref_id: string;
  bank_tran_id: string;
  amount: number;
  /** 'processing' until the refund query confirms it ('refunded'); amounts ending in .77 need two queries. */
  status: 'processing' | 'refunded' | 'cancelled';
  queries: number;
}

interface FakeSession {
  sessionkey: string;
  tran_id: string;
  amount: string;
  currency: string;
  valId: string | null;
  /** Declined tries before (or instead of) a payment: the transaction query lists them. */
  failedTries: number;
  validations: number;
  /** What the validator reports, when a test wants it to lie. */
  override: Record<string, string>;
  /** SSLCommerz's id for the money taken: what refunds name. */
  bankTranId: string;
}

/**
 * SSLCommerz's documented endpoints on a local port: session init (`/gwprocess/v4/api.php`), the
 * Order Validation API (`/validator/api/validationserverAPI.php`) and the Transaction Query API by
 * our tran_id (`/validator/api/merchantTransIDvalidationAPI.php`). `pay` plays the customer and
 * returns the fields SSLCommerz would post to success_url; `decline` a card refused on the page.
 * Like SSLCommerz, it takes money on any session it opened, superseded or not.
 * Refunds (same endpoint): initiated by `bank_tran_id` + `refund_trans_id` ('success', or
 * 'processing' when that refund_trans_id was initiated before; 'failed' past what was paid or for an
 * amount ending in .99), queried by `refund_ref_id` ('refunded' at the first query, the second for
 * an amount ending in .77). `failNext` makes its next answers 500.
 */
export class FakeSslCommerzServer {
  readonly sessions: FakeSession[] = [];
  /** tran_ids the transaction query was asked about, in order. */
  readonly queried: string[] = [];
  readonly refunds: FakeRefund[] = [];
  /** How many of the next requests answer 500. */
  failNext = 0;
  /** How long the transaction query takes to answer: a slow gateway keeps a reconciler run going. */
  queryDelayMs = 0;
  private server: http.Server | null = null;
  url = '';

  constructor(readonly storeId = 'testbox', readonly storePassword = 'qwerty') {}

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  decline(tranId: string): void {
    this.session(tranId).failedTries += 1;
  }

  pay(tranId: string, override: Record<string, string> = {}): Record<string, string> {
    const session = this.session(tranId);
    session.valId = `${Date.now()}${randomBytes(6).toString('hex')}`;
    session.bankTranId = `B${randomBytes(8).toString('hex').toUpperCase()}`;
    session.override = override;
    return { tran_id: tranId, val_id: session.valId, amount: session.amount, currency: session.currency, status: 'VALID', card_type: 'VISA-Dutch Bangla' };
  }

  private session(tranId: string): FakeSession {
    const session = [...this.sessions].reverse().find((s) => s.tran_id === tranId);
    if (!session) throw new Error(`no session for ${tranId}`);
    return session;
  }

  private report(session: FakeSession): Record<string, string> {
    return {
      status: session.validations === 0 ? 'VALID' : 'VALIDATED', tran_date: '2026-03-01 16:00:00', tran_id: session.tran_id, val_id: session.valId!,
      amount: session.amount, store_amount: session.amount, currency: 'BDT', bank_tran_id: session.bankTranId, card_type: 'VISA-Dutch Bangla',
      currency_type: session.currency, currency_amount: session.amount, risk_level: '0', ...session.override,
    };
  }

  private initiateRefund(params: URLSearchParams): Record<string, string> {
    const bankTranId = params.get('bank_tran_id')!;
    const refundTransId = params.get('refund_trans_id') ?? '';
    const answer = (status: string, refund?: FakeRefund, errorReason = '') => ({
      APIConnect: 'DONE', bank_tran_id: bankTranId, trans_id: refund ? this.sessions.find((s) => s.bankTranId === bankTranId)?.tran_id ?? '' : '', refund_ref_id: refund?.refund_ref_id ?? '', status, errorReason,
    });
    const known = this.refunds.find((r) => r.refund_trans_id === refundTransId && refundTransId !== '');
    if (known) return answer('processing', known);
    const session = this.sessions.find((s) => s.bankTranId === bankTranId && s.valId);
    if (!session) return answer('failed', undefined, 'Invalid bank_tran_id');
    const amount = Math.round(Number(params.get('refund_amount')) * 100);
    const given = this.refunds.filter((r) => r.bank_tran_id === bankTranId && r.status !== 'cancelled').reduce((sum, r) => sum + r.amount, 0);
    if (!Number.isFinite(amount) || amount <= 0 || given + amount > Math.round(Number(session.amount) * 100)) return answer('failed', undefined, 'Refund amount exceeds the transaction amount');
    if (amount % 100 === 99) return answer('failed', undefined, 'Refund declined by the issuing bank');
    const refund: FakeRefund = { refund_trans_id: refundTransId, refund_ref_id: `RF${randomBytes(6).toString('hex').toUpperCase()}`, bank_tran_id: bankTranId, amount, status: 'processing', queries: 0 };
    this.refunds.push(refund);
    return answer('success', refund);
  }

  private refundQuery(refundRefId: string): Record<string, string> {
    const refund = this.refunds.find((r) => r.refund_ref_id === refundRefId);
    if (!refund) return { APIConnect: 'DONE', refund_ref_id: refundRefId, status: 'cancelled', errorReason: 'Invalid refund_ref_id' };
    refund.queries += 1;
    if (refund.status === 'processing' && refund.queries >= (refund.amount % 100 === 77 ? 2 : 1)) refund.status = 'refunded';
    return { APIConnect: 'DONE', bank_tran_id: refund.bank_tran_id, refund_ref_id: refund.refund_ref_id, initiated_on: '2026-03-01 16:00:00', refunded_on: '', status: refund.status, errorReason: '' };
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const json = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'POST' && url.pathname === '/gwprocess/v4/api.php') {
      let raw = '';
      for await (const chunk of req) raw += chunk;
      const form = new URLSearchParams(raw);
      if (form.get('store_id') !== this.storeId || form.get('store_passwd') !== this.storePassword) {
        return json({ status: 'FAILED', failedreason: 'Store Credential Error Or Store is De-active' });
      }
      const missing = ['total_amount', 'currency', 'tran_id', 'success_url', 'fail_url', 'cancel_url', 'cus_name', 'cus_email', 'cus_phone', 'cus_add1', 'product_name'].filter((k) => !form.get(k));
      if (missing.length) return json({ status: 'FAILED', failedreason: `Missing ${missing.join(', ')}` });
      const sessionkey = randomBytes(16).toString('hex').toUpperCase();
      this.sessions.push({ sessionkey, tran_id: form.get('tran_id')!, amount: form.get('total_amount')!, currency: form.get('currency')!, valId: null, failedTries: 0, validations: 0, override: {}, bankTranId: '' });
      return json({ status: 'SUCCESS', failedreason: '', sessionkey, GatewayPageURL: `${this.url}/gwprocess/v4/gw.php?Q=pay&SESSIONKEY=${sessionkey}` });
    }
    if (req.method === 'GET' && url.pathname === '/validator/api/validationserverAPI.php') {
      if (url.searchParams.get('store_id') !== this.storeId || url.searchParams.get('store_passwd') !== this.storePassword) {
        return json({ status: 'INVALID_TRANSACTION', error: 'Store Credential Error' });
      }
      const session = this.sessions.find((s) => s.valId !== null && s.valId === url.searchParams.get('val_id'));
      if (!session) return json({ status: 'INVALID_TRANSACTION' });
      const report = this.report(session);
      session.validations += 1;
      return json(report);
    }
    if (this.failNext > 0) {
      this.failNext -= 1;
      res.writeHead(500);
      return void res.end('Internal Server Error');
    }
    if (req.method === 'GET' && url.pathname === '/validator/api/merchantTransIDvalidationAPI.php') {
      if (url.searchParams.get('store_id') !== this.storeId || url.searchParams.get('store_passwd') !== this.storePassword) {
        return json({ APIConnect: 'INVALID_REQUEST', no_of_trans_found: 0, element: [] });
      }
      if (url.searchParams.has('refund_ref_id')) return json(this.refundQuery(url.searchParams.get('refund_ref_id')!));
      if (url.searchParams.has('bank_tran_id')) return json(this.initiateRefund(url.searchParams));
      const tranId = url.searchParams.get('tran_id') ?? '';
      this.queried.push(tranId);
      if (this.queryDelayMs) await new Promise((resolve) => setTimeout(resolve, this.queryDelayMs));
      const element = this.sessions.filter((s) => s.tran_id === tranId).flatMap((s) => [
        ...Array.from({ length: s.failedTries }, () => ({ status: 'FAILED', tran_id: s.tran_id, val_id: '', amount: s.amount, currency_type: s.currency, currency_amount: s.amount })),
        ...(s.valId ? [this.report(s)] : []),
      ]);
      return json({ APIConnect: 'DONE', no_of_trans_found: element.length, element });
    }
    res.writeHead(404);
    res.end();
  }
}
