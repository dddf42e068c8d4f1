import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { MAX_OLDER_THAN_MS } from '../../../application/jobs/PurgeDeadJobs';
import { RECONCILE_LOOKBACK_MS } from '../../../application/payments/ReconcilePayments';
import type { UseCases } from '../../../application/UseCases';
import { DependencyUnavailable, ValidationFailed } from '../../../domain/shared/errors';
import { durationOption } from '../durationOption';
import { println, table } from '../output';
import type { Open } from '../types';

/** `payment confirm | reconcile`: apply what the gateway vouches for, one val_id or every open attempt. */
export interface PaymentDependencies {
  useCases: Pick<UseCases, 'confirmPayment' | 'reconcilePayments'>;
}

export function register(program: Command, open: Open<PaymentDependencies>): void {
  const payment = program.command('payment').description('Payments: confirm one through the gateway, or reconcile every open attempt');

  payment
    .command('confirm')
    .description('Ask the gateway about a payment by its val_id and apply what it vouches for (idempotent)')
    .requiredOption('--val-id <valId>', 'the gateway\'s validation id')
    .option('--tran-id <tranId>', 'our transaction id, checked against what the gateway reports')
    .action(async (options: { valId: string; tranId?: string }, command: Command) => {
      const { useCases } = await open();
      const result = await useCases.confirmPayment.execute({ callback: { val_id: options.valId, tran_id: options.tranId }, source: 'admin' });
      println(command, `${result.outcome}${result.changed ? '' : ' (nothing changed)'}: ${result.message}${result.payment ? ` [${result.payment.transactionId} ${result.payment.status}]` : ''}`);
      if (!result.verified) throw ValidationFailed.field('val-id', 'could not be verified with the gateway');
    });

  payment
    .command('reconcile')
    .description(`Ask the gateway about every open payment attempt (up to ${RECONCILE_LOOKBACK_MS / 86_400_000} days old) and apply what it vouches for; the worker does it every 5 minutes`)
    .option('--older-than <duration>', 'only attempts opened at least this long ago, e.g. 10m, 1h, 0s', '10m')
    .action(async (options: { olderThan: string }, command: Command) => {
      // Checked before the runtime opens, so a typo never touches the database.
      const olderThanMs = durationOption('--older-than', options.olderThan, { examples: '10m, 1h or 0s', max: { ms: MAX_OLDER_THAN_MS, label: '100000000d' } });
      const { useCases } = await open();
      const bar = new SingleBar({ format: 'attempts [{bar}] {value}/{total} {eta_formatted}', stream: process.stderr, noTTYOutput: false });
      let started = false;
      const report = await useCases.reconcilePayments.execute({
        olderThanMs,
        onProgress: (done, total) => {
          if (!started) bar.start(total, 0);
          started = true;
          bar.update(done);
        },
      });
      if (started) bar.stop();
      if (report.settled.length) {
        println(command, table(['transaction', 'payment', 'outcome', 'message'], report.settled.map((s) => [s.transactionId, s.paymentId, s.outcome, s.message])));
      }
      println(command, `${report.checked} open attempt(s) older than ${options.olderThan} checked: ${report.settled.length} settled, ${report.open} still without a verdict, ${report.failed.length} failed${report.skipped ? `, ${report.skipped} skipped` : ''}`);
      for (const failure of report.failed) println(command, `  ${failure.transactionId}: ${failure.error}`);
      if (report.skipped) throw new DependencyUnavailable('payment gateway', `The gateway stopped answering; ${report.skipped} attempt(s) were not checked: run it again`);
      if (report.failed.length) throw new Error(`${report.failed.length} attempt(s) could not be reconciled; run it again to retry them`);
    });
}
