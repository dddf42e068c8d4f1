import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import type { JobRecord} from '../../src/application/ports/JobStore';
import { databaseKinds } from '../support/databases';
import { createMysqlDatabase } from '../support/services';
import type { TestApp} from '../support/testApp';
import { startTestApp } from '../support/testApp';
import { paidBooking } from './support/outagePaidBooking';
import type { WorkerProcess} from './support/outageWorker';
import { eventually, spawnWorker } from './support/outageWorker';

const FAULT = 'injected fault: the confirmation record write failed';

/** A switchable trigger that makes recording "confirmation sent" fail, as a database failing right after the send would. */
const FAULT_SQL = {
  mariadb: [
    'CREATE TABLE fault_switch (armed INT NOT NULL)',
    'INSERT INTO fault_switch VALUES (1)',
    `CREATE TRIGGER confirmation_record_fails BEFORE UPDATE ON payments FOR EACH ROW BEGIN
       IF NEW.confirmationSentAt IS NOT NULL AND OLD.confirmationSentAt IS NULL AND (SELECT armed FROM fault_switch) = 1 THEN
         SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '${FAULT}';
       END IF;
     END`,
  ],
  sqlite: [
    'CREATE TABLE fault_switch (armed INTEGER NOT NULL)',
    'INSERT INTO fault_switch VALUES (1)',
    `CREATE TRIGGER confirmation_record_fails BEFORE UPDATE OF confirmationSentAt ON payments
     WHEN NEW.confirmationSentAt IS NOT NULL AND OLD.confirmationSentAt IS NULL AND (SELECT armed FROM fault_switch) = 1
     BEGIN SELECT RAISE(ABORT, '${FAULT}'); END`,
  ],
};

describe.each(databaseKinds())('mail sent, then recording it failed: the real worker on %s retries without a second mail', (kind) => {
  let app: TestApp;
  let dropDatabase: (() => Promise<void>) | null = null;
  let worker: WorkerProcess | null = null;

  beforeAll(async () => {
    const mysql = kind === 'mariadb' ? await createMysqlDatabase() : null;
    dropDatabase = mysql?.drop ?? null;
    app = await startTestApp(mysql ? { DATABASE_URL: mysql.url } : {});
  }, 60_000);

  afterAll(async () => {
    await worker?.kill('SIGKILL');
    await app?.stop();
    await dropDatabase?.();
  });

  test('the outbox holds one confirmation after the failed record and still one once the retry recorded it', async () => {
    const { paymentId, email } = await paidBooking(app);
    const db = app.server.root.database;
    const jobs = app.server.root.ports.jobStore;
    const payments = app.server.root.ports.paymentRepository;
    await db.transaction(async () => {
      await db.manager().query("UPDATE jobs SET runAt = '2099-01-01' WHERE type <> 'SendBookingConfirmation'");
      for (const statement of FAULT_SQL[kind]) await db.manager().query(statement);
    });
    const confirmationJob = async (): Promise<JobRecord> =>
      (await jobs.list({ type: 'SendBookingConfirmation', limit: 100 })).find((j) => j.payload.paymentId === paymentId)!;
    const outbox = path.join(app.varDir, 'mail');
    const confirmations = async () => {
      const files = fs.existsSync(outbox) ? fs.readdirSync(outbox) : [];
      const mails = await Promise.all(files.map(async (file) => ({ file, mail: await simpleParser(fs.readFileSync(path.join(outbox, file))) })));
      return mails.filter(({ mail }) => /is confirmed$/.test(mail.subject ?? '') && JSON.stringify(mail.to).includes(email));
    };

    // The worker shares VAR_DIR with the app: the same SQLite file (on SQLite) and the same .eml outbox.
    worker = spawnWorker({ ...(kind === 'mariadb' ? { DATABASE_URL: String(app.server.root.config.database.url) } : {}), VAR_DIR: app.varDir, JOB_LEASE_SECONDS: '5' });
    const failed = await eventually('the first run failing on the record write', async () => {
      const job = await confirmationJob();
      return job.lastError?.includes(FAULT) ? job : null;
    });
    expect(failed).toMatchObject({ status: 'queued', attempts: 1 });
    expect(await confirmations()).toHaveLength(1);
    expect((await payments.findById(paymentId))!.confirmationSentAt).toBeNull();

    await db.transaction(() => db.manager().query('UPDATE fault_switch SET armed = 0'));
    const done = await eventually('the retry recording the confirmation', async () => {
      const job = await confirmationJob();
      return job.status === 'done' ? job : null;
    });
    expect(done.attempts).toBe(2);
    expect((await payments.findById(paymentId))!.confirmationSentAt).not.toBeNull();
    const kept = await confirmations();
    expect(kept).toHaveLength(1);
    expect(kept[0].mail.messageId).toBe(`<booking-confirmation.${paymentId}@tourdesk.local>`);
    expect(fs.readdirSync(outbox).filter((f) => !f.endsWith('.eml'))).toEqual([]);
    await worker.kill('SIGTERM');
  }, 120_000);
});
