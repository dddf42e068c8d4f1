import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';

export type RealServiceName = 'mysql' | 'redis' | 'chrome' | 'pdftotext';

const ENV: Record<RealServiceName, string> = {
  mysql: 'TEST_MYSQL_URL',
  redis: 'TEST_REDIS_URL',
  chrome: 'TEST_CHROME_PATH',
  pdftotext: 'TEST_PDFTOTEXT',
};

export const isCI = process.env.CI === 'true' || process.env.CI === '1';

/** URL (mysql, redis) or binary path (chrome, pdftotext) published by globalSetup, or null when unavailable. */
export function realService(name: RealServiceName): string | null {
  const value = process.env[ENV[name]] || null;
  if (!value && isCI) throw new Error(`[tourdesk tests] ${ENV[name]} is not set on CI (globalSetup should have failed)`);
  return value;
}

export async function createMysqlDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = realService('mysql');
  if (!base) throw new Error('[tourdesk tests] createMysqlDatabase() needs TEST_MYSQL_URL');
  const name = `td_${randomBytes(6).toString('hex')}`;
  const admin = await createConnection(base);
  try {
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const conn = await createConnection(base);
      try {
        await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await conn.end();
      }
    },
  };
}

export function redisKeyPrefix(): string {
  return `test:${randomBytes(6).toString('hex')}:`;
}

const reported = new Set<string>();

/**
 * Registers `describe(name, fn)` only when `condition` (normally `realService(...)`) is truthy.
 * Otherwise it registers nothing and notes the omission once on stderr (on CI it throws instead).
 * Jest fails a file with zero tests, so a contract file always runs its fake/SQLite variant
 * unconditionally and wraps only the real-service variants:
 *
 *   describe('OtpStore (memory)', () => otpStoreContract(() => new MemoryOtpStore(clock)));
 *   describeIf(realService('redis'), 'OtpStore (redis)', () => otpStoreContract(...));
 */
export function describeIf(condition: unknown, name: string, fn: () => void): void {
  if (condition) {
    describe(name, fn);
    return;
  }
  if (isCI) throw new Error(`[tourdesk tests] ${name} cannot be skipped on CI`);
  if (reported.has(name)) return;
  reported.add(name);
  process.stderr.write(`[tourdesk tests] not run: ${name} (service unavailable)\n`);
}
