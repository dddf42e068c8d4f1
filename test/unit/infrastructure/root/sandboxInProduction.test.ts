import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '../../../../src/infrastructure/config/Config';
import { PinoLogger, createPino } from '../../../../src/infrastructure/logging/PinoLogger';
import { buildRoot } from '../../../../src/infrastructure/root/buildRoot';

const SECRETS = {
  JWT_ACCESS_SECRET: 'a'.repeat(32), JWT_REFRESH_SECRET: 'b'.repeat(32), OTP_HASH_KEY: 'c'.repeat(32),
  STORAGE_SIGNING_KEY: 'd'.repeat(32), SANDBOX_GATEWAY_SECRET: 'e'.repeat(32),
};

/** The start-up log lines (parsed) of a composition root built for `env`. */
async function startUpLog(env: Record<string, string>): Promise<{ level: number; msg: string }[]> {
  const varDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tourdesk-startup-'));
  const lines: string[] = [];
  const sink = new Writable({ write(chunk, _encoding, done) { lines.push(...String(chunk).split('\n').filter(Boolean)); done(); } });
  const root = await buildRoot(loadConfig({ VAR_DIR: varDir, ...env }), { ports: { logger: new PinoLogger(createPino('info', sink)) } });
  await root.close();
  fs.rmSync(varDir, { recursive: true, force: true });
  return lines.map((line) => JSON.parse(line));
}

describe('the sandbox gateway in production', () => {
  test('an opted-in production process says so at warn level when it starts', async () => {
    const log = await startUpLog({ NODE_ENV: 'production', ...SECRETS, PAYMENT_GATEWAY: 'sandbox', ALLOW_SANDBOX_IN_PRODUCTION: 'true' });
    const warnings = log.filter((line) => line.level >= 40).map((line) => line.msg);
    expect(warnings).toEqual([expect.stringMatching(/^SANDBOX PAYMENT GATEWAY IN PRODUCTION \(ALLOW_SANDBOX_IN_PRODUCTION=true\)/)]);
  });

  test('outside production the sandbox is the quiet default', async () => {
    const log = await startUpLog({ NODE_ENV: 'development' });
    expect(log.filter((line) => line.level >= 40)).toEqual([]);
    expect(log.map((line) => line.msg)).toContainEqual(expect.stringMatching(/^port paymentGateway: built-in sandbox/));
  });
});
