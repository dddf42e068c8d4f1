import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

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
}

/**
 * SSLCommerz's documented endpoints on a local port: session init (`/gwprocess/v4/api.php`), the
 * Order Validation API (`/validator/api/validationserverAPI.php`) and the Transaction Query API by
 * our tran_id (`/validator/api/merchantTransIDvalidationAPI.php`). `pay` plays the customer and
 * returns the fields SSLCommerz would post to success_url; `decline` a card refused on the page.
 * Like SSLCommerz, it takes money on any session it opened, superseded or not.
 */
export class FakeSslCommerzServer {
  readonly sessions: FakeSession[] = [];
  /** tran_ids the transaction query was asked about, in order. */
  readonly queried: string[] = [];
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
      amount: session.amount, store_amount: session.amount, currency: 'BDT', bank_tran_id: 'B1', card_type: 'VISA-Dutch Bangla',
      currency_type: session.currency, currency_amount: session.amount, risk_level: '0', ...session.override,
    };
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
      this.sessions.push({ sessionkey, tran_id: form.get('tran_id')!, amount: form.get('total_amount')!, currency: form.get('currency')!, valId: null, failedTries: 0, validations: 0, override: {} });
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
    if (req.method === 'GET' && url.pathname === '/validator/api/merchantTransIDvalidationAPI.php') {
      if (url.searchParams.get('store_id') !== this.storeId || url.searchParams.get('store_passwd') !== this.storePassword) {
        return json({ APIConnect: 'INVALID_REQUEST', no_of_trans_found: 0, element: [] });
      }
      const tranId = url.searchParams.get('tran_id') ?? '';
      this.queried.push(tranId);
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
