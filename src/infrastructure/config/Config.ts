import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { durationMs } from '../../application/shared/duration';
import type { ClientProfileName } from './clientProfiles';
import { withClientProfile } from './clientProfiles';
import { PRIVATE_FILE, ensurePrivateDir } from '../system/privateFiles';
import { environmentSchema } from './schema';

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  varDir: string;
  logLevel: string;
  publicUrl: string;
  frontendUrl: string;
  bodyLimit: string;
  /** `CLIENT_COMPAT`: the legacy client profile whose defaults were applied, or null. */
  clientCompat: ClientProfileName | null;
  /** Proxies in front of the app whose X-Forwarded-For entries are trusted; the client is the right-most untrusted hop. */
  trustProxy: number;
  /** Origins besides FRONTEND_URL and PUBLIC_URL whose cookie-authenticated unsafe requests are accepted. */
  csrfTrustedOrigins: string[];
  /** Bearer token `/metrics` requires; in production without one, `/metrics` is not served. */
  metricsToken: string | null;
  /** `sqliteBusyTimeoutMs`: how long an SQLite statement waits for another writer's lock before failing (503). */
  database: { url: string | null; poolSize: number; sqliteBusyTimeoutMs: number };
  redisUrl: string | null;
  mail: { smtpUrl: string | null; from: string };
  s3: { endpoint: string; accessKey: string; secretKey: string; bucket: string; region: string; publicUrl: string | null } | null;
  pdf: { chromePath: string | null; poolSize: number; renderTimeoutMs: number; recycleAfter: number };
  payment: {
    gateway: 'sandbox' | 'sslcommerz' | 'stripe' | 'paypal';
    /** The sandbox serves a production process because ALLOW_SANDBOX_IN_PRODUCTION said so; logged loudly at start-up. */
    sandboxInProduction: boolean;
    sslcommerz: { storeId: string; storePassword: string; baseUrl: string } | null;
    stripe: { secretKey: string; webhookSecret: string } | null;
    paypal: { clientId: string; clientSecret: string; webhookId: string; baseUrl: string } | null;
    /** Paths on FRONTEND_URL where the gateway's redirects land, per outcome. */
    landingPaths: { success: string; fail: string; cancel: string };
  };
  secrets: { jwtAccess: string; jwtRefresh: string; otpHashKey: string; storageSigning: string; sandboxGateway: string };
  auth: { accessTtlMs: number; refreshTtlMs: number; legacyExpiredTokenStatus: 401 | 500 };
  superAdmin: { email: string; password: string } | null;
  /** `issuerUrl`: where the OpenID Connect discovery document is read (Google unless a test or another provider says otherwise). */
  google: { clientId: string; clientSecret: string; issuerUrl: string } | null;
  business: { currency: string; holdMinutes: number; brandName: string; sellerName: string; sellerAddress: string };
  /**
   * `loginPerEmail`: failed logins per (client address, email) per 15 minutes; `loginLockAfter`: failed
   * logins after which an account needs a password reset; `accountPerHour`: registrations, reset
   * requests, resets and password changes per client address per hour (each counted apart);
   * `resetMailsPerHour`: reset links one email address may be sent per hour.
   */
  rateLimits: { loginPerMinute: number; otpPerMinute: number; loginPerEmail: number; loginLockAfter: number; accountPerHour: number; resetMailsPerHour: number };
  /** Password hashes allowed to wait for a free slot before more are refused with 503. */
  passwordHashQueueLimit: number;
  /** Seconds before the same email may be sent another verification code (0: no cooldown; the hourly cap stays). */
  otpResendCooldownSeconds: number;
  /** `leaseMs`: how long a claimed job stays a worker's without a heartbeat; the invoice issuing lease is the same. */
  worker: { inProcess: boolean; concurrency: number; leaseMs: number };
  /** API processes `npm start` runs on the one port (node:cluster); more than one needs MySQL and Redis. */
  apiProcesses: number;
  shutdownTimeoutMs: number;
}

export class ConfigError extends Error {}

const SECRET_NAMES = ['JWT_ACCESS_SECRET', 'JWT_REFRESH_SECRET', 'OTP_HASH_KEY', 'STORAGE_SIGNING_KEY', 'SANDBOX_GATEWAY_SECRET'] as const;

export function parseDuration(value: string): number {
  const ms = durationMs(value);
  if (ms === null) throw new ConfigError(`Invalid duration ${value}`);
  return ms;
}

/** Development secrets are made once and kept in VAR_DIR so restarts keep sessions valid. */
function developmentSecrets(varDir: string): Record<string, string> {
  const file = path.join(varDir, 'secrets.json');
  const existing: Record<string, string> = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  let changed = false;
  for (const name of SECRET_NAMES) {
    if (!existing[name]) {
      existing[name] = randomBytes(32).toString('hex');
      changed = true;
    }
  }
  if (changed) {
    ensurePrivateDir(varDir);
    fs.writeFileSync(file, JSON.stringify(existing, null, 2), { mode: PRIVATE_FILE });
  }
  return existing;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const { value: e, error } = environmentSchema.validate(withClientProfile(env), { abortEarly: false, convert: true });
  const missing = SECRET_NAMES.filter((name) => !e[name]);
  const problems = [
    ...(error?.details.map((d) => d.message) ?? []),
    ...(e.NODE_ENV === 'production' ? missing.map((n) => `"${n}" is required in production`) : []),
  ];
  if (problems.length) throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  const varDir = path.resolve(e.VAR_DIR);
  const generated = missing.length ? developmentSecrets(varDir) : {};
  const secret = (name: (typeof SECRET_NAMES)[number]): string => e[name] || generated[name];
  const sandboxInProduction = e.NODE_ENV === 'production' && e.PAYMENT_GATEWAY === 'sandbox';
  if (sandboxInProduction && !e.ALLOW_SANDBOX_IN_PRODUCTION) {
    throw new ConfigError(
      'Invalid configuration: "PAYMENT_GATEWAY" is sandbox in production, where anyone could book and "pay" without paying; '
        + 'set PAYMENT_GATEWAY=sslcommerz, stripe or paypal, or ALLOW_SANDBOX_IN_PRODUCTION=true for a demo that takes no real money',
    );
  }
  const s3Given = Boolean(e.S3_ENDPOINT);
  if (s3Given && (!e.S3_ACCESS_KEY || !e.S3_SECRET_KEY)) {
    throw new ConfigError('Invalid configuration: "S3_ACCESS_KEY" and "S3_SECRET_KEY" are required with S3_ENDPOINT');
  }
  if (e.API_PROCESSES > 1 && (!e.DATABASE_URL || !e.REDIS_URL)) {
    throw new ConfigError(
      `Invalid configuration: "API_PROCESSES" is ${e.API_PROCESSES}, which needs DATABASE_URL (MySQL/MariaDB) and REDIS_URL: `
        + 'several processes cannot share one SQLite file, and rate limits, OTPs and lockouts must be shared through Redis',
    );
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    varDir,
    logLevel: e.LOG_LEVEL,
    publicUrl: e.PUBLIC_URL.replace(/\/$/, ''),
    frontendUrl: e.FRONTEND_URL.replace(/\/$/, ''),
    bodyLimit: e.BODY_LIMIT,
    clientCompat: e.CLIENT_COMPAT || null,
    trustProxy: e.TRUST_PROXY,
    csrfTrustedOrigins: String(e.CSRF_TRUSTED_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean).map((o) => new URL(o).origin),
    metricsToken: e.METRICS_TOKEN || null,
    database: { url: e.DATABASE_URL || null, poolSize: e.DATABASE_POOL_SIZE, sqliteBusyTimeoutMs: e.SQLITE_BUSY_TIMEOUT_MS },
    redisUrl: e.REDIS_URL || null,
    mail: { smtpUrl: e.SMTP_URL || null, from: e.MAIL_FROM },
    s3: s3Given
      ? { endpoint: e.S3_ENDPOINT, accessKey: e.S3_ACCESS_KEY, secretKey: e.S3_SECRET_KEY, bucket: e.S3_BUCKET, region: e.S3_REGION, publicUrl: e.S3_PUBLIC_URL || null }
      : null,
    pdf: {
      chromePath: e.CHROME_PATH || null,
      poolSize: e.PDF_POOL_SIZE ?? Math.max(2, os.availableParallelism()),
      renderTimeoutMs: e.PDF_RENDER_TIMEOUT_MS,
      recycleAfter: e.PDF_RECYCLE_AFTER,
    },
    payment: {
      gateway: e.PAYMENT_GATEWAY,
      sandboxInProduction,
      sslcommerz:
        e.PAYMENT_GATEWAY === 'sslcommerz'
          ? { storeId: e.SSLCOMMERZ_STORE_ID, storePassword: e.SSLCOMMERZ_STORE_PASSWORD, baseUrl: e.SSLCOMMERZ_BASE_URL.replace(/\/$/, '') }
          : null,
      stripe: e.PAYMENT_GATEWAY === 'stripe' ? { secretKey: e.STRIPE_SECRET_KEY, webhookSecret: e.STRIPE_WEBHOOK_SECRET } : null,
      paypal:
        e.PAYMENT_GATEWAY === 'paypal'
          ? { clientId: e.PAYPAL_CLIENT_ID, clientSecret: e.PAYPAL_CLIENT_SECRET, webhookId: e.PAYPAL_WEBHOOK_ID, baseUrl: e.PAYPAL_BASE_URL.replace(/\/$/, '') }
          : null,
      landingPaths: { success: e.PAYMENT_SUCCESS_REDIRECT_PATH, fail: e.PAYMENT_FAIL_REDIRECT_PATH, cancel: e.PAYMENT_CANCEL_REDIRECT_PATH },
    },
    secrets: {
      jwtAccess: secret('JWT_ACCESS_SECRET'),
      jwtRefresh: secret('JWT_REFRESH_SECRET'),
      otpHashKey: secret('OTP_HASH_KEY'),
      storageSigning: secret('STORAGE_SIGNING_KEY'),
      sandboxGateway: secret('SANDBOX_GATEWAY_SECRET'),
    },
    auth: {
      accessTtlMs: parseDuration(e.JWT_ACCESS_EXPIRES),
      refreshTtlMs: parseDuration(e.JWT_REFRESH_EXPIRES),
      legacyExpiredTokenStatus: e.LEGACY_EXPIRED_TOKEN_STATUS,
    },
    superAdmin: e.SUPER_ADMIN_EMAIL && e.SUPER_ADMIN_PASSWORD ? { email: e.SUPER_ADMIN_EMAIL, password: e.SUPER_ADMIN_PASSWORD } : null,
    google: e.GOOGLE_CLIENT_ID && e.GOOGLE_CLIENT_SECRET ? { clientId: e.GOOGLE_CLIENT_ID, clientSecret: e.GOOGLE_CLIENT_SECRET, issuerUrl: e.GOOGLE_ISSUER_URL } : null,
    business: {
      currency: e.CURRENCY,
      holdMinutes: e.BOOKING_HOLD_MINUTES,
      brandName: e.BRAND_NAME,
      sellerName: e.SELLER_NAME,
      sellerAddress: e.SELLER_ADDRESS,
    },
    rateLimits: {
      loginPerMinute: e.RATE_LIMIT_LOGIN_PER_MINUTE,
      otpPerMinute: e.RATE_LIMIT_OTP_PER_MINUTE,
      loginPerEmail: e.RATE_LIMIT_LOGIN_PER_EMAIL,
      loginLockAfter: e.LOGIN_LOCKOUT_AFTER,
      accountPerHour: e.RATE_LIMIT_ACCOUNT_PER_HOUR,
      resetMailsPerHour: e.RATE_LIMIT_RESET_MAILS_PER_HOUR,
    },
    passwordHashQueueLimit: e.PASSWORD_HASH_QUEUE_LIMIT,
    otpResendCooldownSeconds: e.OTP_RESEND_COOLDOWN_SECONDS,
    worker: { inProcess: e.WORKER_IN_PROCESS, concurrency: e.WORKER_CONCURRENCY, leaseMs: e.JOB_LEASE_SECONDS * 1000 },
    apiProcesses: e.API_PROCESSES,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
  };
}
