import { setTimeout as sleep } from 'node:timers/promises';
import type { Clock } from '../../application/ports/Clock';
import { DependencyUnavailable } from '../../domain/shared/errors';

export interface PayPalSettings {
  clientId: string;
  clientSecret: string;
  webhookId: string;
  /** `https://api-m.sandbox.paypal.com` or `https://api-m.paypal.com`. */
  baseUrl: string;
  timeoutMs?: number;
  /** Further tries after a 5xx, a 429 or no answer; POSTs repeat their PayPal-Request-Id. */
  retries?: number;
  retryDelayMs?: number;
}

export type PayPalBody = Record<string, unknown>;

/** PayPal answered 4xx: it refused the request (an order not approved, a refund over what is left). */
export class PayPalRefusal extends Error {
  constructor(readonly status: number, readonly body: PayPalBody) {
    const details = Array.isArray(body.details) ? (body.details as { issue?: string; description?: string }[]) : [];
    super(`PayPal refused (${status}): ${details.map((d) => `${d.issue ?? ''} ${d.description ?? ''}`.trim()).join('; ') || String(body.message ?? body.name ?? 'no reason')}`);
  }

  get issues(): string[] {
    return Array.isArray(this.body.details) ? (this.body.details as { issue?: string }[]).map((d) => d.issue ?? '') : [];
  }
}

/** Renewed this long before PayPal says it expires, so no request carries a token that lapses in flight. */
const TOKEN_MARGIN_MS = 60_000;

/**
 * PayPal's REST API over fetch: an OAuth2 client-credentials token, cached until it expires; JSON
 * requests retried on 5xx, 429 and timeouts (a POST with the same PayPal-Request-Id, which PayPal
 * answers once); DependencyUnavailable when it still does not answer, PayPalRefusal for a 4xx.
 */
export class PayPalClient {
  private token: { value: string; expiresAt: number } | null = null;

  constructor(private readonly settings: PayPalSettings, private readonly clock: Clock) {}

  /** `body` as a string goes out byte for byte (the webhook check embeds the delivery's raw body). */
  async request(method: 'GET' | 'POST', path: string, options: { body?: PayPalBody | string; requestId?: string } = {}): Promise<PayPalBody> {
    const body = typeof options.body === 'string' ? options.body : options.body ? JSON.stringify(options.body) : undefined;
    const headers: Record<string, string> = { 'content-type': 'application/json', prefer: 'return=representation' };
    if (options.requestId) headers['paypal-request-id'] = options.requestId;
    let answer = await this.send(method, path, body, { ...headers, authorization: `Bearer ${await this.accessToken()}` });
    if (answer.status === 401) {
      this.token = null; // revoked or expired early: one fresh token
      answer = await this.send(method, path, body, { ...headers, authorization: `Bearer ${await this.accessToken()}` });
    }
    if (answer.status >= 400) throw new PayPalRefusal(answer.status, answer.body);
    return answer.body;
  }

  private async accessToken(): Promise<string> {
    const now = this.clock.now().getTime();
    if (this.token && now < this.token.expiresAt) return this.token.value;
    const basic = Buffer.from(`${this.settings.clientId}:${this.settings.clientSecret}`).toString('base64');
    const answer = await this.send('POST', '/v1/oauth2/token', 'grant_type=client_credentials', { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' });
    const { access_token: value, expires_in: expiresIn } = answer.body;
    if (answer.status !== 200 || typeof value !== 'string' || typeof expiresIn !== 'number') {
      throw new DependencyUnavailable('payment gateway', `PayPal refused the client credentials (${answer.status})`);
    }
    this.token = { value, expiresAt: now + expiresIn * 1000 - TOKEN_MARGIN_MS };
    return value;
  }

  /** One request, tried again while PayPal fails on its side; any answer below 500 (but 429) is returned. */
  private async send(method: string, path: string, body: string | undefined, headers: Record<string, string>): Promise<{ status: number; body: PayPalBody }> {
    const tries = 1 + (this.settings.retries ?? 2);
    let failure = '';
    for (let attempt = 1; attempt <= tries; attempt += 1) {
      if (attempt > 1) await sleep((this.settings.retryDelayMs ?? 250) * (attempt - 1));
      try {
        const response = await fetch(`${this.settings.baseUrl}${path}`, { method, headers, body, signal: AbortSignal.timeout(this.settings.timeoutMs ?? 15_000) });
        const text = await response.text();
        if (response.status >= 500 || response.status === 429) {
          failure = `answered ${response.status}`;
          continue;
        }
        return { status: response.status, body: parse(text) };
      } catch (error) {
        failure = `did not answer: ${(error as Error).message}`;
      }
    }
    throw new DependencyUnavailable('payment gateway', `PayPal ${failure} (${method} ${path.split('?')[0]}, ${tries} tries)`);
  }
}

function parse(text: string): PayPalBody {
  if (!text) return {};
  try {
    const body: unknown = JSON.parse(text);
    return body && typeof body === 'object' ? (body as PayPalBody) : {};
  } catch {
    throw new DependencyUnavailable('payment gateway', 'PayPal answered with something that is not JSON');
  }
}
