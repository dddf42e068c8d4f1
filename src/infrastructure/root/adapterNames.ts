import path from 'node:path';
import type { Config } from '../config/Config';
import { locateChromium } from '../pdf/locateChromium';

/** Which adapter each port got, as the start-up log says it. */
export function adapterNames(config: Config): Record<string, string> {
  const memory = config.redisUrl ? 'Redis (ioredis)' : 'in-process memory';
  const chromium = locateChromium(config.pdf.chromePath);
  return {
    database: config.database.url ? 'TypeORM on MySQL/MariaDB' : `TypeORM on SQLite (${path.join(config.varDir, 'tourdesk.sqlite')})`,
    mailer: config.mail.smtpUrl ? 'nodemailer over SMTP' : `.eml outbox (${path.join(config.varDir, 'mail')})`,
    paymentGateway: config.payment.sslcommerz ? `SSLCommerz (${config.payment.sslcommerz.baseUrl})` : `built-in sandbox (${config.publicUrl}/api/v1/sandbox/checkout)`,
    storage: config.s3 ? `minio (${config.s3.endpoint}, bucket ${config.s3.bucket})` : `local directory (${path.join(config.varDir, 'storage')})`,
    pdfRenderer: `puppeteer-core, ${config.pdf.poolSize} pages, Chromium ${chromium.description}`,
    identityProvider: config.google ? `OpenID Connect (${config.google.issuerUrl})` : 'none (GOOGLE_CLIENT_ID/SECRET unset: /auth/google answers 404)',
    otpStore: memory,
    rateLimiter: memory,
    sessionStandingCache: config.redisUrl ? 'Redis (ioredis) behind a 1 s in-process memo' : memory,
  };
}
