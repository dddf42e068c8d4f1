import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig, parseDuration } from '../../../../src/infrastructure/config/Config';

describe('loadConfig', () => {
  let varDir: string;
  beforeEach(() => {
    varDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tourdesk-config-'));
  });
  afterEach(() => fs.rmSync(varDir, { recursive: true, force: true }));

  const SECRETS = {
    JWT_ACCESS_SECRET: 'a'.repeat(32), JWT_REFRESH_SECRET: 'b'.repeat(32), OTP_HASH_KEY: 'c'.repeat(32),
    STORAGE_SIGNING_KEY: 'd'.repeat(32), SANDBOX_GATEWAY_SECRET: 'e'.repeat(32),
  };
  const SSLCOMMERZ = { PAYMENT_GATEWAY: 'sslcommerz', SSLCOMMERZ_STORE_ID: 'store', SSLCOMMERZ_STORE_PASSWORD: 'store-password' };

  it('chooses the embedded defaults when no service is configured', () => {
    const config = loadConfig({ VAR_DIR: varDir });
    expect(config).toMatchObject({ env: 'development', port: 5000, database: { url: null }, redisUrl: null, mail: { smtpUrl: null }, s3: null, superAdmin: null });
    expect(config.auth).toMatchObject({ accessTtlMs: 15 * 60_000, refreshTtlMs: 30 * 86_400_000, legacyExpiredTokenStatus: 401 });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'postgres://x'],
    ['JWT_ACCESS_EXPIRES', 'soon'],
    ['LEGACY_EXPIRED_TOKEN_STATUS', '403'],
    ['NODE_ENV', 'staging'],
    ['FRONTEND_URL', 'not a url'],
    ['S3_BUCKET', 'b'],
    ['S3_BUCKET', 'Tour_Desk'],
    ['S3_BUCKET', 'tour..desk'],
    ['S3_BUCKET', '-tourdesk'],
  ])('stops on an invalid %s (%p) with a message naming it', (name, value) => {
    expect(() => loadConfig({ VAR_DIR: varDir, [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ VAR_DIR: varDir, [name]: value })).toThrow(name);
  });

  it('takes S3 bucket names S3 takes', () => {
    const s3 = { S3_ENDPOINT: 'http://minio:9000', S3_ACCESS_KEY: 'tourdesk', S3_SECRET_KEY: 'tourdesk-secret' };
    for (const bucket of ['tourdesk', 'tour-desk.invoices', 'a1b']) expect(loadConfig({ VAR_DIR: varDir, ...s3, S3_BUCKET: bucket }).s3?.bucket).toBe(bucket);
    expect(() => loadConfig({ VAR_DIR: varDir, S3_BUCKET: 'b' })).toThrow('"S3_BUCKET" must be an S3 bucket name');
  });

  it('takes PUBLIC_URL from the port it listens on unless told otherwise', () => {
    expect(loadConfig({ VAR_DIR: varDir }).publicUrl).toBe('http://localhost:5000');
    expect(loadConfig({ VAR_DIR: varDir, PORT: '5600' }).publicUrl).toBe('http://localhost:5600');
    expect(loadConfig({ VAR_DIR: varDir, PORT: '5600', PUBLIC_URL: 'https://api.example.com/' }).publicUrl).toBe('https://api.example.com');
  });

  it('runs several API processes only on MySQL with Redis, saying why otherwise', () => {
    const MYSQL = 'mysql://u:p@db:3306/tourdesk';
    const REDIS = 'redis://cache:6379';
    expect(loadConfig({ VAR_DIR: varDir }).apiProcesses).toBe(1);
    expect(loadConfig({ VAR_DIR: varDir, API_PROCESSES: '3', DATABASE_URL: MYSQL, REDIS_URL: REDIS }).apiProcesses).toBe(3);
    for (const env of [{ REDIS_URL: REDIS }, { DATABASE_URL: MYSQL }, { DATABASE_URL: MYSQL, REDIS_URL: '' }]) {
      const attempt = () => loadConfig({ VAR_DIR: varDir, API_PROCESSES: '2', ...env });
      expect(attempt).toThrow(ConfigError);
      expect(attempt).toThrow(/"API_PROCESSES" is 2, which needs DATABASE_URL \(MySQL\/MariaDB\) and REDIS_URL/);
    }
    expect(() => loadConfig({ VAR_DIR: varDir, API_PROCESSES: '0' })).toThrow('API_PROCESSES');
  });

  it('names every invalid variable at once', () => {
    expect(() => loadConfig({ VAR_DIR: varDir, PORT: 'abc', LOG_LEVEL: 'loud' })).toThrow(/PORT.*LOG_LEVEL|LOG_LEVEL.*PORT/);
  });

  it('requires every secret in production, naming the missing ones', () => {
    const attempt = () => loadConfig({ VAR_DIR: varDir, NODE_ENV: 'production', JWT_ACCESS_SECRET: 'a'.repeat(32) });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow('JWT_REFRESH_SECRET');
    expect(attempt).not.toThrow('JWT_ACCESS_SECRET"');
    expect(fs.existsSync(path.join(varDir, 'secrets.json'))).toBe(false);
    expect(loadConfig({ VAR_DIR: varDir, NODE_ENV: 'production', ...SECRETS, ...SSLCOMMERZ }).secrets.jwtAccess).toBe('a'.repeat(32));
  });

  describe('the payment gateway in production', () => {
    const production = { VAR_DIR: varDir, NODE_ENV: 'production', ...SECRETS };

    it('stops start-up when PAYMENT_GATEWAY is unset, naming it', () => {
      const attempt = () => loadConfig({ ...production, VAR_DIR: varDir });
      expect(attempt).toThrow(ConfigError);
      expect(attempt).toThrow('"PAYMENT_GATEWAY" is required in production');
      expect(attempt).toThrow('ALLOW_SANDBOX_IN_PRODUCTION=true');
    });

    it('refuses the sandbox unless ALLOW_SANDBOX_IN_PRODUCTION=true opts in, and says so in the config', () => {
      const sandbox = { ...production, VAR_DIR: varDir, PAYMENT_GATEWAY: 'sandbox' };
      expect(() => loadConfig(sandbox)).toThrow(/"PAYMENT_GATEWAY" is sandbox in production.*ALLOW_SANDBOX_IN_PRODUCTION=true/);
      expect(() => loadConfig({ ...sandbox, ALLOW_SANDBOX_IN_PRODUCTION: 'false' })).toThrow(ConfigError);
      expect(() => loadConfig({ ...sandbox, ALLOW_SANDBOX_IN_PRODUCTION: 'yes please' })).toThrow('ALLOW_SANDBOX_IN_PRODUCTION');
      expect(loadConfig({ ...sandbox, ALLOW_SANDBOX_IN_PRODUCTION: 'true' }).payment).toMatchObject({ gateway: 'sandbox', sandboxInProduction: true });
    });

    it('takes SSLCommerz as given; outside production the sandbox stays the default', () => {
      expect(loadConfig({ ...production, VAR_DIR: varDir, ...SSLCOMMERZ }).payment).toMatchObject({ gateway: 'sslcommerz', sandboxInProduction: false });
      expect(loadConfig({ VAR_DIR: varDir }).payment).toMatchObject({ gateway: 'sandbox', sandboxInProduction: false });
      expect(loadConfig({ VAR_DIR: varDir, NODE_ENV: 'test' }).payment).toMatchObject({ gateway: 'sandbox', sandboxInProduction: false });
    });

    it('takes Stripe with its secret key and webhook signing secret, and names what is missing or malformed', () => {
      const stripe = { ...production, VAR_DIR: varDir, PAYMENT_GATEWAY: 'stripe', STRIPE_SECRET_KEY: 'sk_live_abc123', STRIPE_WEBHOOK_SECRET: 'whsec_abc123' };
      expect(loadConfig(stripe).payment).toMatchObject({ gateway: 'stripe', stripe: { secretKey: 'sk_live_abc123', webhookSecret: 'whsec_abc123' }, paypal: null, sslcommerz: null });
      expect(() => loadConfig({ ...stripe, STRIPE_SECRET_KEY: '' })).toThrow('"STRIPE_SECRET_KEY" is required with PAYMENT_GATEWAY=stripe');
      expect(() => loadConfig({ ...stripe, STRIPE_WEBHOOK_SECRET: undefined })).toThrow('"STRIPE_WEBHOOK_SECRET" is required with PAYMENT_GATEWAY=stripe');
      expect(() => loadConfig({ ...stripe, STRIPE_SECRET_KEY: 'pk_live_abc123' })).toThrow('STRIPE_SECRET_KEY');
    });

    it('takes PayPal with its client, webhook id and the sandbox API unless told otherwise', () => {
      const paypal = { ...production, VAR_DIR: varDir, PAYMENT_GATEWAY: 'paypal', PAYPAL_CLIENT_ID: 'client', PAYPAL_CLIENT_SECRET: 'secret', PAYPAL_WEBHOOK_ID: 'WH-1' };
      expect(loadConfig(paypal).payment.paypal).toEqual({ clientId: 'client', clientSecret: 'secret', webhookId: 'WH-1', baseUrl: 'https://api-m.sandbox.paypal.com' });
      expect(loadConfig({ ...paypal, PAYPAL_BASE_URL: 'https://api-m.paypal.com/' }).payment.paypal?.baseUrl).toBe('https://api-m.paypal.com');
      expect(() => loadConfig({ ...paypal, PAYPAL_WEBHOOK_ID: '' })).toThrow('"PAYPAL_WEBHOOK_ID" is required with PAYMENT_GATEWAY=paypal');
      expect(loadConfig({ VAR_DIR: varDir, PAYPAL_CLIENT_ID: '' }).payment).toMatchObject({ gateway: 'sandbox', paypal: null, stripe: null });
    });
  });

  it('leases jobs for JOB_LEASE_SECONDS (30 s unless set), never below 2 s', () => {
    expect(loadConfig({ VAR_DIR: varDir }).worker.leaseMs).toBe(30_000);
    expect(loadConfig({ VAR_DIR: varDir, JOB_LEASE_SECONDS: '12' }).worker.leaseMs).toBe(12_000);
    expect(() => loadConfig({ VAR_DIR: varDir, JOB_LEASE_SECONDS: '1' })).toThrow('JOB_LEASE_SECONDS');
  });

  it('refuses secrets shorter than 32 characters', () => {
    expect(() => loadConfig({ VAR_DIR: varDir, ...SECRETS, JWT_REFRESH_SECRET: 'short' })).toThrow('JWT_REFRESH_SECRET');
  });

  it('generates development secrets once and keeps them in VAR_DIR', () => {
    const first = loadConfig({ VAR_DIR: varDir });
    const second = loadConfig({ VAR_DIR: varDir });
    expect(first.secrets.jwtAccess).toMatch(/^[0-9a-f]{64}$/);
    expect(second.secrets).toEqual(first.secrets);
    expect(new Set(Object.values(first.secrets)).size).toBe(5);
    expect(fs.statSync(path.join(varDir, 'secrets.json')).mode & 0o777).toBe(0o600);
  });

  it('accepts MYSQL_URL as an alias of DATABASE_URL', () => {
    expect(loadConfig({ VAR_DIR: varDir, MYSQL_URL: 'mysql://u:p@db:3306/tourdesk' }).database.url).toBe('mysql://u:p@db:3306/tourdesk');
  });

  describe('CLIENT_COMPAT', () => {
    const legacyValues = (env: Record<string, string>) => {
      const config = loadConfig({ VAR_DIR: varDir, ...env });
      return { expiredStatus: config.auth.legacyExpiredTokenStatus, cooldown: config.otpResendCooldownSeconds, landing: config.payment.landingPaths };
    };

    it('defaults: 401 for an expired token, a one-minute resend cooldown, one landing page per outcome', () => {
      expect(legacyValues({})).toEqual({ expiredStatus: 401, cooldown: 60, landing: { success: '/payment/success', fail: '/payment/fail', cancel: '/payment/cancel' } });
      expect(loadConfig({ VAR_DIR: varDir }).clientCompat).toBeNull();
    });

    it('ph-tour sets the legacy values at once', () => {
      expect(legacyValues({ CLIENT_COMPAT: 'ph-tour' })).toEqual({ expiredStatus: 500, cooldown: 5, landing: { success: '/payment/success', fail: '/payment/fail', cancel: '/payment/fail' } });
      expect(loadConfig({ VAR_DIR: varDir, CLIENT_COMPAT: 'ph-tour' }).clientCompat).toBe('ph-tour');
    });

    it('lets each variable override the profile on its own', () => {
      expect(legacyValues({ CLIENT_COMPAT: 'ph-tour', LEGACY_EXPIRED_TOKEN_STATUS: '401' }).expiredStatus).toBe(401);
      expect(legacyValues({ CLIENT_COMPAT: 'ph-tour', OTP_RESEND_COOLDOWN_SECONDS: '0' }).cooldown).toBe(0);
      expect(legacyValues({ CLIENT_COMPAT: 'ph-tour', PAYMENT_CANCEL_REDIRECT_PATH: '/checkout?cancelled=1' }).landing.cancel).toBe('/checkout?cancelled=1');
      expect(legacyValues({ CLIENT_COMPAT: 'ph-tour', OTP_RESEND_COOLDOWN_SECONDS: '30' })).toMatchObject({ expiredStatus: 500, cooldown: 30 });
    });

    it.each([
      ['CLIENT_COMPAT', 'toString'],
      ['CLIENT_COMPAT', 'react'],
      ['PAYMENT_SUCCESS_REDIRECT_PATH', 'https://elsewhere.example.com/paid'],
      ['PAYMENT_CANCEL_REDIRECT_PATH', 'payment/cancel'],
      ['OTP_RESEND_COOLDOWN_SECONDS', '-1'],
      ['OTP_RESEND_COOLDOWN_SECONDS', '5s'],
    ])('stops on an invalid %s (%p)', (name, value) => {
      expect(() => loadConfig({ VAR_DIR: varDir, [name]: value })).toThrow(name);
    });
  });

  it('needs both super admin variables to create one', () => {
    expect(loadConfig({ VAR_DIR: varDir, SUPER_ADMIN_EMAIL: 'boss@tourdesk.local' }).superAdmin).toBeNull();
    expect(loadConfig({ VAR_DIR: varDir, SUPER_ADMIN_EMAIL: 'boss@tourdesk.local', SUPER_ADMIN_PASSWORD: 'B0ss!pass' }).superAdmin).toEqual({ email: 'boss@tourdesk.local', password: 'B0ss!pass' });
  });
});

describe('parseDuration', () => {
  it.each([
    ['500ms', 500], ['1s', 1000], ['15m', 900_000], ['2h', 7_200_000], ['30d', 2_592_000_000],
  ])('reads %p as %p ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it('refuses anything else', () => {
    expect(() => parseDuration('15 minutes')).toThrow(ConfigError);
  });
});
