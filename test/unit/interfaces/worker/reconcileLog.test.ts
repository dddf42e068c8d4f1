import type { ReconcileReport } from '../../../../src/application/payments/ReconcilePayments';
import { reconcileLog } from '../../../../src/interfaces/worker/startWorker';
import { RecordingLogger } from '../../../fakes/RecordingLogger';

const report = (over: Partial<ReconcileReport>): ReconcileReport => ({
  more: false, checked: 0, settled: [], open: 0, failed: [], skipped: 0, refunds: { checked: 0, settled: [], failed: [], skipped: 0 }, ...over,
});

const logged = (r: ReconcileReport) => {
  const logger = new RecordingLogger();
  reconcileLog(logger)(r);
  return logger.entries.map(({ level, message, fields }) => ({ level, message: message.split(':')[0], fields }));
};

describe("the reconciler run's log", () => {
  test('a quiet run logs nothing', () => {
    expect(logged(report({ checked: 4, open: 4, refunds: { checked: 2, settled: [], failed: [], skipped: 0 } }))).toEqual([]);
  });

  test('each payment and refund the gateway settled without a callback is a warning of its own', () => {
    const entries = logged(report({
      checked: 2,
      settled: [{ transactionId: 'T1', paymentId: 'P1', outcome: 'PAID', message: 'paid' }],
      refunds: { checked: 1, settled: [{ refundId: 'R1', paymentId: 'P2', state: 'SUCCEEDED' }], failed: [], skipped: 0 },
    }));
    expect(entries).toEqual([
      { level: 'warn', message: 'payment reconciled', fields: { transactionId: 'T1', paymentId: 'P1', outcome: 'PAID', message: 'paid' } },
      { level: 'warn', message: 'refund reconciled', fields: { refundId: 'R1', paymentId: 'P2', state: 'SUCCEEDED' } },
    ]);
  });

  test('attempts and refunds it could not ask about are errors, each naming what is waiting', () => {
    const entries = logged(report({
      checked: 1, failed: [{ transactionId: 'T1', error: 'gateway down' }], skipped: 3,
      refunds: { checked: 1, settled: [], failed: [{ refundId: 'R1', error: 'refund status unavailable' }], skipped: 0 },
    }));
    expect(entries).toEqual([
      { level: 'error', message: 'payment reconciliation could not ask the gateway about every attempt', fields: { failed: [{ transactionId: 'T1', error: 'gateway down' }], skipped: 3 } },
      { level: 'error', message: 'refund reconciliation could not ask the gateway about every open refund', fields: { failed: [{ refundId: 'R1', error: 'refund status unavailable' }] } },
    ]);
  });

  test('a run ended early by a stop, and one the per-run limit cut short, say so', () => {
    expect(logged(report({ checked: 2, skipped: 0, refunds: { checked: 0, settled: [], failed: [], skipped: 5 } }))).toEqual([
      { level: 'info', message: 'payment reconciliation ended early', fields: { checked: 2, skipped: 0, refundsSkipped: 5 } },
    ]);
    expect(logged(report({ more: true, checked: 500 }))).toEqual([
      { level: 'warn', message: 'more payment attempts were due than one reconciler run asks about', fields: { checked: 500 } },
    ]);
  });
});
