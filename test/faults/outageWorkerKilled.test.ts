import type { JobRecord} from '../../src/application/ports/JobStore';
import { createMysqlDatabase, describeIf, realService } from '../support/services';
import type { TestSmtpServer} from '../support/smtpServer';
import { startSmtpServer } from '../support/smtpServer';
import type { TestApp} from '../support/testApp';
import { startTestApp } from '../support/testApp';
import { paidBooking } from './support/outagePaidBooking';
import type { WorkerProcess} from './support/outageWorker';
import { eventually, spawnWorker } from './support/outageWorker';

const LEASE_SECONDS = 2;
const LEASE_MS = LEASE_SECONDS * 1000;
const CONFIRMED = /^Your booking for .* is confirmed$/;

describeIf(realService('mysql'), 'a worker killed (SIGKILL) mid-job, real worker processes on MariaDB', () => {
  let database: Awaited<ReturnType<typeof createMysqlDatabase>>;
  let app: TestApp;
  let smtp: TestSmtpServer;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    database = await createMysqlDatabase();
    app = await startTestApp({ DATABASE_URL: database.url });
    // The first confirmation's data is never acknowledged: its sender is stuck in the job when we kill it.
    let held = 0;
    smtp = await startSmtpServer({ hold: (mail) => CONFIRMED.test(mail.subject ?? '') && held++ === 0 });
  }, 60_000);

  afterAll(async () => {
    for (const worker of workers) await worker.kill('SIGKILL');
    await smtp?.close();
    await app?.stop();
    await database?.drop();
  });

  test('the job stays with its live worker past its first lease (heartbeat), and once that worker dies another takes it over and sends the mail once', async () => {
    const { paymentId, email } = await paidBooking(app);
    const jobs = app.server.root.ports.jobStore;
    const payments = app.server.root.ports.paymentRepository;
    // Only the job under test is due: the invoice would need Chromium in the workers and proves nothing here.
    await app.server.root.database.manager().query("UPDATE jobs SET runAt = '2099-01-01' WHERE type <> 'SendBookingConfirmation'");
    const confirmationJob = async (): Promise<JobRecord> =>
      (await jobs.list({ type: 'SendBookingConfirmation', limit: 100 })).find((j) => j.payload.paymentId === paymentId)!;
    const env = { DATABASE_URL: database.url, SMTP_URL: smtp.url, VAR_DIR: app.varDir, JOB_LEASE_SECONDS: String(LEASE_SECONDS) };

    const doomed = spawnWorker(env);
    workers.push(doomed);
    const claimed = await eventually('the first worker running the job, its mail in flight', async () => {
      const job = await confirmationJob();
      return job.status === 'running' && smtp.attempts.length === 1 ? job : null;
    });
    expect(claimed.attempts).toBe(1);

    const survivor = spawnWorker(env);
    workers.push(survivor);
    await survivor.ready();
    // Two more leases go by while the survivor polls every second: the heartbeat keeps the job with its live worker.
    const renewed = await eventually('two lease renewals by the live worker', async () => {
      const job = await confirmationJob();
      return job.attempts > 1 || job.leaseUntil!.getTime() >= claimed.leaseUntil!.getTime() + 2 * LEASE_MS ? job : null;
    });
    expect(renewed).toMatchObject({ status: 'running', attempts: 1 });

    const lastLease = (await confirmationJob()).leaseUntil!;
    await doomed.kill('SIGKILL');
    const killedAt = Date.now();
    const takenOver = await eventually('another worker taking the job over', async () => {
      const job = await confirmationJob();
      return job.attempts > 1 ? job : null;
    });
    const takenOverAt = Date.now();
    const done = await eventually('the job done', async () => {
      const job = await confirmationJob();
      return job.status === 'done' ? job : null;
    });

    expect(done).toMatchObject({ status: 'done', attempts: 2, lastError: null });
    // Taken over only once the dead worker's last lease had run out (both clocks are this machine's).
    expect(takenOver.updatedAt.getTime()).toBeGreaterThanOrEqual(lastLease.getTime());
    expect((await payments.findById(paymentId))!.confirmationSentAt).not.toBeNull();
    const delivered = smtp.mails.filter((m) => CONFIRMED.test(m.subject ?? ''));
    expect(delivered.map((m) => m.to && !Array.isArray(m.to) ? m.to.text : '')).toEqual([email]);
    // The dead worker's unacknowledged attempt and the delivered one are one message to the receiving side.
    expect(smtp.attempts.filter((m) => CONFIRMED.test(m.subject ?? '')).map((m) => m.messageId)).toEqual([
      `<booking-confirmation.${paymentId}@tourdesk.local>`, `<booking-confirmation.${paymentId}@tourdesk.local>`,
    ]);
    process.stderr.write(
      `[outage] worker SIGKILLed mid-job: taken over ${takenOverAt - killedAt} ms after the kill `
        + `(lease ${LEASE_MS} ms, ${lastLease.getTime() - killedAt} ms of it left at the kill; poll 1000 ms)\n`,
    );
    await survivor.kill('SIGTERM');
  }, 120_000);
});
