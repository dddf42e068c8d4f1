import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { HealthCheck } from '../../src/application/ports/HealthCheck';
import { loadConfig } from '../../src/infrastructure/config/Config';
import { buildRoot } from '../../src/infrastructure/root/buildRoot';
import type { Database } from '../../src/infrastructure/persistence/Database';
import { startS3rver } from '../support/s3rver';
import { createMysqlDatabase, describeIf, realService } from '../support/services';
import { startSmtpServer } from '../support/smtpServer';
import type { HealthCheckSubject} from './HealthCheck.contract';
import { describeHealthCheckContract } from './HealthCheck.contract';

/** `stop` runs once, whether the test broke the dependency or the suite tidies up after it. */
function once(stop: () => Promise<void>): () => Promise<void> {
  let stopped: Promise<void> | null = null;
  return () => (stopped ??= stop());
}

/**
 * The checks are the ones the composition root binds for `/ready`, built from configuration like
 * the app's: `env` picks the real service, `breakDependency(runtime)` takes it away.
 */
async function boundCheck(
  checkName: string, env: Record<string, string>, breakDependency: (db: Database) => Promise<void>, cleanUp: () => Promise<void> = async () => undefined,
): Promise<HealthCheckSubject> {
  const varDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tourdesk-health-'));
  const runtime = await buildRoot(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', VAR_DIR: varDir, ...env }));
  const check = runtime.ports.healthChecks.find((c: HealthCheck) => c.name === checkName);
  if (!check) throw new Error(`no ${checkName} health check bound for ${JSON.stringify(env)}`);
  return {
    check,
    breakDependency: () => breakDependency(runtime.database),
    close: async () => {
      await runtime.close();
      await cleanUp();
      fs.rmSync(varDir, { recursive: true, force: true });
    },
  };
}

describeHealthCheckContract('database (SQLite)', 'database', () => boundCheck('database', {}, (db) => db.close()));

describeIf(realService('mysql'), 'on MariaDB', () => {
  describeHealthCheckContract('database (MariaDB)', 'database', async () => {
    const created = await createMysqlDatabase();
    return boundCheck('database', { DATABASE_URL: created.url }, (db) => db.close(), () => created.drop());
  });
});

describeIf(realService('redis'), 'on Redis', () => {
  describeHealthCheckContract('redis', 'redis', async () => {
    let subject: HealthCheckSubject | null = null;
    subject = await boundCheck('redis', { REDIS_URL: realService('redis')! }, async () => subject!.close());
    return subject;
  });
});

describeHealthCheckContract('smtp', 'smtp', async () => {
  const smtp = await startSmtpServer();
  const stop = once(() => smtp.close());
  return boundCheck('smtp', { SMTP_URL: smtp.url }, stop, stop);
});

describeHealthCheckContract('storage (S3)', 'storage', async () => {
  const s3 = await startS3rver();
  const stop = once(() => s3.stop());
  return boundCheck('storage', { S3_ENDPOINT: s3.endpoint, S3_ACCESS_KEY: s3.accessKey, S3_SECRET_KEY: s3.secretKey, S3_BUCKET: 'health-check' }, stop, stop);
});
