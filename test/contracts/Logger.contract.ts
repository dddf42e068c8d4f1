import type { Logger } from '../../src/application/ports/Logger';

export interface LoggedLine {
  level: 'info' | 'warn' | 'error';
  message: string;
  fields: Record<string, unknown>;
}

export interface LoggerSubject {
  logger: Logger;
  /** What reached the log so far, oldest first, read back in the adapter's own way. */
  lines(): LoggedLine[];
}

/** What use cases rely on from a logger: each call is one entry with its level, message and fields, and logging never fails the caller. */
export function describeLoggerContract(name: string, make: () => LoggerSubject): void {
  describe(`Logger contract: ${name}`, () => {
    let s: LoggerSubject;
    beforeEach(() => {
      s = make();
    });

    test('each level writes one entry with its message and fields, in order', () => {
      s.logger.info({ paymentId: 'pay-1', attempt: 2 }, 'payment confirmed');
      s.logger.warn({ transactionId: 'TRX-1', source: 'ipn' }, 'payment evidence not verified; nothing changed');
      s.logger.error({ job: 'IssueInvoice' }, 'job failed');
      expect(s.lines()).toEqual([
        { level: 'info', message: 'payment confirmed', fields: expect.objectContaining({ paymentId: 'pay-1', attempt: 2 }) },
        { level: 'warn', message: 'payment evidence not verified; nothing changed', fields: expect.objectContaining({ transactionId: 'TRX-1', source: 'ipn' }) },
        { level: 'error', message: 'job failed', fields: expect.objectContaining({ job: 'IssueInvoice' }) },
      ]);
    });

    test('an error in `err` keeps its message; odd fields (circular, undefined) never make logging throw', () => {
      const circular: Record<string, unknown> = { name: 'loop' };
      circular.self = circular;
      expect(() => s.logger.error({ err: new Error('smtp refused'), circular, missing: undefined }, 'mail failed')).not.toThrow();
      const [line] = s.lines();
      expect(line.message).toBe('mail failed');
      expect(JSON.stringify(line.fields.err, Object.getOwnPropertyNames(line.fields.err ?? {}))).toContain('smtp refused');
    });
  });
}
