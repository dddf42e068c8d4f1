import Joi from 'joi';
import { CLIENT_PROFILE_NAMES } from './clientProfiles';

const duration = Joi.string().pattern(/^\d+(ms|s|m|h|d)$/);
const url = Joi.string().uri();
/** A path on FRONTEND_URL (`/payment/success`), optionally with a query string. */
const frontendPath = Joi.string().max(500).pattern(/^\/[^\s#]*$/);
/** A gateway's credential: may be empty, but not when that gateway is PAYMENT_GATEWAY. */
const credentialOf = (gateway: string, name: string, format = Joi.string()) => {
  const message = `"${name}" is required with PAYMENT_GATEWAY=${gateway}`;
  return format.allow('').when('PAYMENT_GATEWAY', { is: gateway, then: Joi.required().invalid('').messages({ 'any.required': message, 'any.invalid': message }) });
};

/** Every environment variable TourDesk reads. `.env.example` mirrors this list. */
export const environmentSchema = Joi.object({
  NODE_ENV: Joi.string().valid('development', 'production', 'test').default('development'),
  PORT: Joi.number().port().default(5000),
  HOST: Joi.string().default('0.0.0.0'),
  VAR_DIR: Joi.string().default('./var'),
  LOG_LEVEL: Joi.string().valid('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent').default('info'),
  // Where this process listens unless said otherwise: `PORT=5600 npm start` must not send travellers' checkouts to :5000.
  PUBLIC_URL: url.default((env: { PORT: number }) => `http://localhost:${env.PORT}`),
  FRONTEND_URL: url.default('http://localhost:5173'),
  BODY_LIMIT: Joi.string().default('1mb'),
  CLIENT_COMPAT: Joi.string().valid('', ...CLIENT_PROFILE_NAMES).default(''),
  TRUST_PROXY: Joi.number().integer().min(0).max(10).default(0),
  CSRF_TRUSTED_ORIGINS: Joi.string().allow('').pattern(/^\s*(https?:\/\/[^\s,/]+\s*(,\s*|$))*$/),
  METRICS_TOKEN: Joi.string().min(16).allow(''),

  DATABASE_URL: Joi.string().pattern(/^(mysql|mariadb):\/\//).allow(''),
  DATABASE_POOL_SIZE: Joi.number().integer().min(1).max(200).default(10),
  SQLITE_BUSY_TIMEOUT_MS: Joi.number().integer().min(0).max(600_000).default(5000),
  REDIS_URL: Joi.string().pattern(/^rediss?:\/\//).allow(''),
  SMTP_URL: Joi.string().pattern(/^smtps?:\/\//).allow(''),
  MAIL_FROM: Joi.string().default('TourDesk <no-reply@tourdesk.local>'),
  S3_ENDPOINT: url.allow(''),
  S3_ACCESS_KEY: Joi.string().allow(''),
  S3_SECRET_KEY: Joi.string().allow(''),
  // S3's naming rules (MinIO's too): refused here rather than by every upload and /ready.
  S3_BUCKET: Joi.string().pattern(/^(?!.*\.\.)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/).default('tourdesk')
    .messages({ 'string.pattern.base': '"S3_BUCKET" must be an S3 bucket name: 3-63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit' }),
  S3_REGION: Joi.string().default('us-east-1'),
  S3_PUBLIC_URL: url.allow(''),
  CHROME_PATH: Joi.string().allow(''),
  PDF_POOL_SIZE: Joi.number().integer().min(1).max(32),
  PDF_RENDER_TIMEOUT_MS: Joi.number().integer().min(500).default(15000),
  PDF_RECYCLE_AFTER: Joi.number().integer().min(1).default(1000),

  // No default in production: a forgotten variable must not leave the free sandbox checkout taking orders.
  PAYMENT_GATEWAY: Joi.string().valid('sandbox', 'sslcommerz', 'stripe', 'paypal').when('NODE_ENV', {
    is: 'production',
    then: Joi.required().messages({ 'any.required': '"PAYMENT_GATEWAY" is required in production (sslcommerz, stripe or paypal; sandbox only with ALLOW_SANDBOX_IN_PRODUCTION=true)' }),
    otherwise: Joi.optional().default('sandbox'),
  }),
  ALLOW_SANDBOX_IN_PRODUCTION: Joi.boolean().truthy('1').falsy('0').default(false),
  SSLCOMMERZ_STORE_ID: Joi.string().when('PAYMENT_GATEWAY', { is: 'sslcommerz', then: Joi.required() }),
  SSLCOMMERZ_STORE_PASSWORD: Joi.string().when('PAYMENT_GATEWAY', { is: 'sslcommerz', then: Joi.required() }),
  SSLCOMMERZ_BASE_URL: url.default('https://sandbox.sslcommerz.com'),
  STRIPE_SECRET_KEY: credentialOf('stripe', 'STRIPE_SECRET_KEY', Joi.string().pattern(/^(sk|rk)_(test|live)_\w+$/, 'a secret or restricted key (sk_… or rk_…)')),
  STRIPE_WEBHOOK_SECRET: credentialOf('stripe', 'STRIPE_WEBHOOK_SECRET', Joi.string().pattern(/^whsec_\w+$/, 'a signing secret (whsec_…)')),
  PAYPAL_CLIENT_ID: credentialOf('paypal', 'PAYPAL_CLIENT_ID'),
  PAYPAL_CLIENT_SECRET: credentialOf('paypal', 'PAYPAL_CLIENT_SECRET'),
  PAYPAL_WEBHOOK_ID: credentialOf('paypal', 'PAYPAL_WEBHOOK_ID'),
  PAYPAL_BASE_URL: url.default('https://api-m.sandbox.paypal.com'),
  PAYMENT_SUCCESS_REDIRECT_PATH: frontendPath.default('/payment/success'),
  PAYMENT_FAIL_REDIRECT_PATH: frontendPath.default('/payment/fail'),
  PAYMENT_CANCEL_REDIRECT_PATH: frontendPath.default('/payment/cancel'),

  JWT_ACCESS_SECRET: Joi.string().min(32),
  JWT_ACCESS_EXPIRES: duration.default('15m'),
  JWT_REFRESH_SECRET: Joi.string().min(32),
  JWT_REFRESH_EXPIRES: duration.default('30d'),
  OTP_HASH_KEY: Joi.string().min(32),
  STORAGE_SIGNING_KEY: Joi.string().min(32),
  SANDBOX_GATEWAY_SECRET: Joi.string().min(32),
  LEGACY_EXPIRED_TOKEN_STATUS: Joi.number().valid(401, 500).default(401),
  OTP_RESEND_COOLDOWN_SECONDS: Joi.number().integer().min(0).max(3600).default(60),

  SUPER_ADMIN_EMAIL: Joi.string().email({ tlds: { allow: false } }).allow(''),
  SUPER_ADMIN_PASSWORD: Joi.string().allow(''),
  GOOGLE_CLIENT_ID: Joi.string().allow(''),
  GOOGLE_CLIENT_SECRET: Joi.string().allow(''),
  GOOGLE_ISSUER_URL: url.default('https://accounts.google.com'),

  CURRENCY: Joi.string().pattern(/^[A-Z]{3}$/).default('BDT'),
  BOOKING_HOLD_MINUTES: Joi.number().integer().min(1).max(24 * 60).default(30),
  BRAND_NAME: Joi.string().default('TourDesk'),
  SELLER_NAME: Joi.string().default('TourDesk Travel Ltd.'),
  SELLER_ADDRESS: Joi.string().default('House 12, Road 5, Dhanmondi, Dhaka 1205, Bangladesh'),

  RATE_LIMIT_LOGIN_PER_MINUTE: Joi.number().integer().min(1).default(10),
  RATE_LIMIT_OTP_PER_MINUTE: Joi.number().integer().min(1).default(20),
  RATE_LIMIT_LOGIN_PER_EMAIL: Joi.number().integer().min(1).default(5),
  LOGIN_LOCKOUT_AFTER: Joi.number().integer().min(10).max(100).default(100),
  RATE_LIMIT_ACCOUNT_PER_HOUR: Joi.number().integer().min(1).default(20),
  RATE_LIMIT_RESET_MAILS_PER_HOUR: Joi.number().integer().min(1).default(3),
  PASSWORD_HASH_QUEUE_LIMIT: Joi.number().integer().min(1).default(32),
  API_PROCESSES: Joi.number().integer().min(1).max(64).default(1),
  WORKER_IN_PROCESS: Joi.boolean().truthy('1').falsy('0').default(true),
  WORKER_CONCURRENCY: Joi.number().integer().min(1).max(64).default(2),
  JOB_LEASE_SECONDS: Joi.number().integer().min(2).max(3600).default(30),
  SHUTDOWN_TIMEOUT_MS: Joi.number().integer().min(100).default(10000),
})
  .rename('MYSQL_URL', 'DATABASE_URL', { ignoreUndefined: true, override: false })
  .unknown(true);
