import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { MAX_OLDER_THAN_MS } from '../../../application/jobs/PurgeDeadJobs';
import { RECONCILE_LOOKBACK_MS } from '../../../application/payments/reconcileBackoff';
import type { UseCases } from '../../../application/UseCases';
import { DependencyUnavailable, ValidationFailed } from '../../../domain/shared/errors';
import { durationOption } from '../durationOption';
import { println, table } from '../output';
import type { ClassifyFailure } from '../../edges';
import type { Open } from '../types';

/** `payment confirm | reconcile | refund`: apply what the gateway vouches for, one val_id or every open attempt; give money back. */
export interface PaymentDependencies {
  useCases: Pick<UseCases, 'confirmPayment' | 'reconcilePayments' | 'refundPayment' | 'listWebhooks' | 'replayWebhook'>;
  /** Tells `payment reconcile` that a failure is an outage (a database gone mid-run), which ends the run. */
  classifyFailure: ClassifyFailure;
}

/** `--amount 1250.50`: major units as the API takes them; the use case checks the decimals. */
function amountOption(value: string | undefined): number | null {
  if (value === undefined) return null;
  const amount = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || !(amount > 0)) throw ValidationFailed.field('amount', 'must be a positive number like 1250.50');
  return amount;
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
    .command('refund')
    .description('Refund a payment through its gateway: all that is left unless --amount; a full refund cancels the booking and frees its seats')
    .requiredOption('--payment <id>', 'the payment\'s id')
    .option('--amount <amount>', 'how much to give back, in major units (e.g. 1250.50)')
    .requiredOption('--reason <reason>', 'why: printed on the credit note')
    .option('--key <idempotencyKey>', 'run it again with the same key to retry safely (the gateway refunds once)')
    .action(async (options: { payment: string; amount?: string; reason: string; key?: string }, command: Command) => {
      const amount = amountOption(options.amount);
      const { useCases } = await open();
      const { refund, payment: paid, replayed } = await useCases.refundPayment.execute({ paymentId: options.payment, amount, reason: options.reason, idempotencyKey: options.key ?? null, source: 'admin' });
      println(command, `${refund.state}${replayed ? ' (the refund made earlier with this key)' : ''}: ${refund.amount.format()} of payment ${paid.id}, now ${paid.status} [refund ${refund.id}${refund.gatewayRefundId ? `, gateway ${refund.gatewayRefundId}` : ''}]`);
      if (refund.state === 'FAILED') throw new Error(`The gateway refused the refund: ${refund.failureReason ?? 'no reason given'}`);
    });

  payment
    .command('webhooks')
    .description('The webhook inbox: every verified delivery, newest first (`--failed`: those that could not be applied)')
    .option('--failed', 'only deliveries whose processing failed')
    .option('--limit <n>', 'at most this many', '100')
    .action(async (options: { failed?: boolean; limit: string }, command: Command) => {
      const limit = Number(options.limit);
      if (!Number.isSafeInteger(limit) || limit < 1) throw ValidationFailed.field('limit', 'must be a whole number of 1 or more');
      const { useCases } = await open();
      const entries = await useCases.listWebhooks.execute({ failed: options.failed ?? false, limit });
      if (!entries.length) return println(command, options.failed ? 'No failed deliveries.' : 'No deliveries.');
      println(command, table(['id', 'gateway', 'event', 'kind', 'status', 'attempts', 'received', 'error'], entries.map((e) => [
        e.id, e.gateway, e.eventId, e.event.kind, e.status, String(e.attempts), e.receivedAt.toISOString(), e.error ?? '',
      ])));
    });

  payment
    .command('webhook')
    .description('One delivery of the webhook inbox')
    .command('replay <id>')
    .description('Apply a stored delivery again (after what made it fail is fixed); by current state, so a replay never moves a payment back')
    .action(async (id: string, _options: unknown, command: Command) => {
      const { useCases } = await open();
      const entry = await useCases.replayWebhook.execute(id);
      println(command, `${entry.status}: ${entry.gateway} ${entry.eventId} (${entry.event.kind}), attempt ${entry.attempts}${entry.error ? `: ${entry.error}` : ''}`);
      if (entry.status === 'FAILED') throw new Error(`The delivery still cannot be applied: ${entry.error ?? 'no reason given'}`);
    });

  payment
    .command('reconcile')
    .description(`Ask the gateway about every open payment attempt (up to ${RECONCILE_LOOKBACK_MS / 86_400_000} days old) and apply what it vouches for; the worker does it every 5 minutes`)
    .option('--older-than <duration>', 'only attempts opened at least this long ago, e.g. 10m, 1h, 0s', '10m')
    .action(async (options: { olderThan: string }, command: Command) => {
      // Checked before the runtime opens, so a typo never touches the database.
      const olderThanMs = durationOption('--older-than', options.olderThan, { examples: '10m, 1h or 0s', max: { ms: MAX_OLDER_THAN_MS, label: '100000000d' } });
      const { useCases, classifyFailure } = await open();
      const bar = new SingleBar({ format: 'attempts [{bar}] {value}/{total} {eta_formatted}', stream: process.stderr, noTTYOutput: false });
      let started = false;
      const report = await useCases.reconcilePayments.execute({
        olderThanMs,
        classifyFailure,
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
      if (report.more) println(command, `  more attempts were open: only the newest ${report.checked} were checked`);
      const refunds = report.refunds;
      println(command, `${refunds.checked} open refund(s) checked: ${refunds.settled.map((r) => `${r.refundId} ${r.state}`).join(', ') || 'none settled'}${refunds.failed.length ? `, ${refunds.failed.length} failed` : ''}`);
      for (const failure of refunds.failed) println(command, `  refund ${failure.refundId}: ${failure.error}`);
      if (report.skipped) throw new DependencyUnavailable('payment gateway or database', `The gateway or the database stopped answering; ${report.skipped} attempt(s) were not checked: run it again`);
      if (report.failed.length || refunds.failed.length) throw new Error(`${report.failed.length + refunds.failed.length} attempt(s) or refund(s) could not be reconciled; run it again to retry them`);
    });
}
