import fs from 'node:fs/promises';
import path from 'node:path';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import type { UseCases } from '../../../application/UseCases';
import { println } from '../output';
import type { Open } from '../types';

/** `invoice resend | render | issue-missing`. */
export interface InvoiceDependencies {
  useCases: Pick<UseCases, 'sendInvoiceEmail' | 'previewInvoice' | 'issueMissingInvoices'>;
  settings: { pdf: { poolSize: number } };
}

export function register(program: Command, open: Open<InvoiceDependencies>): void {
  const invoice = program.command('invoice').description('Invoices: re-send, render to a file, issue the missing ones');

  invoice
    .command('resend')
    .description("Mail a payment's issued invoice again (the same invoice, never a new one)")
    .requiredOption('--payment <paymentId>', 'the payment id')
    .action(async (options: { payment: string }, command: Command) => {
      const { useCases } = await open();
      await useCases.sendInvoiceEmail.execute({ paymentId: options.payment, resend: true });
      println(command, `Invoice of payment ${options.payment} sent again`);
    });

  invoice
    .command('render')
    .description("Render a payment's invoice with the current template to a PDF file (records nothing)")
    .requiredOption('--payment <paymentId>', 'the payment id')
    .requiredOption('--out <file>', 'where to write the PDF')
    .action(async (options: { payment: string; out: string }, command: Command) => {
      const { useCases } = await open();
      const { invoiceNumber, pdf } = await useCases.previewInvoice.execute({ paymentId: options.payment });
      await fs.writeFile(path.resolve(options.out), pdf, { mode: 0o600 });
      println(command, `${invoiceNumber}: ${pdf.length} bytes written to ${options.out}`);
    });

  invoice
    .command('issue-missing')
    .description('Issue an invoice for every PAID payment that has none')
    .option('--limit <n>', 'at most this many payments', (v) => Number.parseInt(v, 10), 10_000)
    .option('--concurrency <n>', 'invoices rendered at once (default: the PDF page pool size)', (v) => Number.parseInt(v, 10))
    .action(async (options: { limit: number; concurrency?: number }, command: Command) => {
      const { useCases, settings } = await open();
      const bar = new SingleBar({ format: 'invoices [{bar}] {value}/{total} {eta_formatted}', stream: process.stderr, noTTYOutput: false });
      let started = false;
      const report = await useCases.issueMissingInvoices.execute({
        limit: options.limit,
        concurrency: options.concurrency ?? settings.pdf.poolSize,
        onProgress: (done, total) => {
          if (!started) bar.start(total, 0);
          started = true;
          bar.update(done);
        },
      });
      if (started) bar.stop();
      println(command, `${report.issued.length} issued, ${report.failed.length} failed (of ${report.found} without an invoice)`);
      for (const failure of report.failed) println(command, `  ${failure.paymentId}: ${failure.error}`);
      // Thrown, not process.exitCode: runCli answers the exit code, also when run in-process.
      if (report.failed.length) throw new Error(`${report.failed.length} invoice(s) could not be issued; run it again to retry them`);
    });
}
