import type { ApiResponse } from '../../support/testApp';

export interface TrafficRequest {
  /** What the samples are grouped by, e.g. `POST /booking`. */
  name: string;
  send(): Promise<ApiResponse>;
}

export interface Sample {
  name: string;
  phase: string;
  /** ms since the traffic started. */
  at: number;
  /** 0: no HTTP answer at all. */
  status: number;
  retryAfter: string | null;
  code: string | null;
  body: unknown;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Clients that keep sending the given requests round-robin, `concurrency` at a time, recording every answer
 * with the phase the test is in (set `phase` as the outage proceeds).
 */
export class OutageTraffic {
  phase = 'before';
  readonly samples: Sample[] = [];
  private running = false;
  private clients: Promise<void>[] = [];
  private started = 0;
  private next = 0;

  constructor(private readonly requests: TrafficRequest[], private readonly concurrency: number) {}

  start(): void {
    this.running = true;
    this.started = Date.now();
    this.clients = Array.from({ length: this.concurrency }, () => this.client());
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.clients);
  }

  /** ms since the traffic started. */
  now(): number {
    return Date.now() - this.started;
  }

  /** Waits until `condition` holds over the samples so far (a failure names what never came). */
  async until(what: string, condition: (samples: Sample[]) => boolean, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition(this.samples)) {
      if (Date.now() > deadline) throw new Error(`traffic: ${what} did not happen within ${timeoutMs / 1000} s`);
      await sleep(20);
    }
  }

  /** Every request name answered in `phase` with a status `accept`s, at least `count` times each. */
  seenInPhase(phase: string, accept: (status: number) => boolean, count = 1): (samples: Sample[]) => boolean {
    return (samples) => this.requests.every((r) => samples.filter((s) => s.phase === phase && s.name === r.name && accept(s.status)).length >= count);
  }

  private async client(): Promise<void> {
    while (this.running) {
      const request = this.requests[this.next++ % this.requests.length];
      const phase = this.phase;
      try {
        const response = await request.send();
        const body = response.body as { code?: string } | null;
        this.samples.push({
          name: request.name, phase, at: this.now(), status: response.status, retryAfter: response.headers.get('retry-after'),
          code: typeof body === 'object' && body ? body.code ?? null : null, body,
        });
      } catch (error) {
        this.samples.push({ name: request.name, phase, at: this.now(), status: 0, retryAfter: null, code: null, body: String(error) });
      }
    }
  }
}
