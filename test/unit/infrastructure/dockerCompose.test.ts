import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../../src/infrastructure/config/Config';
import { environmentSchema } from '../../../src/infrastructure/config/schema';

// js-yaml 3 (a dev dependency, also used by jest's coverage tooling) has no bundled types.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- untyped CommonJS module
const yaml = require('js-yaml') as { safeLoad(text: string): unknown };

interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  entrypoint?: string[];
  environment?: Record<string, string | number | boolean>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test?: string[]; disable?: boolean };
  stop_grace_period?: string;
}

const ROOT = path.resolve(__dirname, '../../..');
const compose = yaml.safeLoad(fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8')) as { services: Record<string, Service> };
const services = compose.services;
const known = new Set([...Object.keys(environmentSchema.describe().keys), 'MYSQL_URL']);
const envOf = (name: string) => Object.fromEntries(Object.entries(services[name].environment ?? {}).map(([k, v]) => [k, String(v)]));
const seconds = (value: string) => Number(/^(\d+)s$/.exec(value)?.[1] ?? NaN);

describe('docker-compose.yml', () => {
  it('runs the app, the worker, MySQL 8, Redis 7, MinIO with its bucket, and Mailpit', () => {
    expect(Object.keys(services).sort()).toEqual(['app', 'mailpit', 'minio', 'minio-bucket', 'mysql', 'redis', 'worker']);
    expect([services.mysql.image, services.redis.image]).toEqual(['mysql:8', 'redis:7']);
    expect(services.worker.command).toEqual(['node', 'dist/src/worker.js']);
    expect(fs.existsSync(path.join(ROOT, 'src/worker.ts'))).toBe(true);
  });

  it.each(['app', 'worker'])('sets only variables the config schema knows, and a valid configuration, for %s', (name) => {
    const env = envOf(name);
    expect(Object.keys(env).filter((key) => !known.has(key))).toEqual([]);
    const { error } = environmentSchema.validate(env, { abortEarly: false });
    expect(error?.message).toBeUndefined();
    const config = loadConfig(env);
    expect(config.env).toBe('production');
    expect([config.database.url, config.redisUrl, config.mail.smtpUrl, config.s3?.endpoint]).toEqual([
      'mysql://tourdesk:tourdesk@mysql:3306/tourdesk', 'redis://redis:6379', 'smtp://mailpit:1025', 'http://minio:9000',
    ]);
  });

  it('runs two API processes in the app service and the job worker only in the worker service', () => {
    expect(loadConfig(envOf('app'))).toMatchObject({ apiProcesses: 2, worker: { inProcess: false } });
    expect(loadConfig(envOf('worker')).apiProcesses).toBe(1);
  });

  it('points every service URL at a service of the file, with matching MinIO credentials and bucket', () => {
    const env = envOf('app');
    for (const key of ['DATABASE_URL', 'REDIS_URL', 'SMTP_URL', 'S3_ENDPOINT']) expect(Object.keys(services)).toContain(new URL(env[key]).hostname);
    const minio = envOf('minio');
    expect([minio.MINIO_ROOT_USER, minio.MINIO_ROOT_PASSWORD]).toEqual([env.S3_ACCESS_KEY, env.S3_SECRET_KEY]);
    expect(services['minio-bucket'].entrypoint!.join(' ')).toContain(`local/${env.S3_BUCKET}`);
    // Front ends on FRONTEND_URL read presigned image URLs from MinIO (docs/API.md, "Images").
    expect(minio.MINIO_API_CORS_ALLOW_ORIGIN).toBe(env.FRONTEND_URL);
    const mysql = envOf('mysql');
    expect(`mysql://${mysql.MYSQL_USER}:${mysql.MYSQL_PASSWORD}@mysql:3306/${mysql.MYSQL_DATABASE}`).toBe(env.DATABASE_URL);
  });

  it('gives every long-running service a health check, and waits only on healthy or finished services', () => {
    for (const name of ['app', 'mysql', 'redis', 'minio', 'mailpit']) {
      expect({ name, hasCheck: (services[name].healthcheck?.test?.length ?? 0) > 1 }).toEqual({ name, hasCheck: true });
    }
    // the image's HEALTHCHECK probes HTTP; the worker serves none, so it opts out explicitly
    expect(services.worker.healthcheck).toEqual({ disable: true });
    expect(services.app.healthcheck!.test!.join(' ')).toContain('/ready');
    for (const [name, service] of Object.entries(services)) {
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
        if (condition === 'service_healthy') expect({ name, dependency, healthcheck: Boolean(services[dependency].healthcheck?.test) }).toEqual({ name, dependency, healthcheck: true });
        else expect({ name, dependency, condition }).toEqual({ name, dependency, condition: 'service_completed_successfully' });
      }
    }
  });

  it('lets app and worker drain on `docker compose stop` before Docker kills them', () => {
    for (const name of ['app', 'worker']) {
      const timeoutMs = loadConfig(envOf(name)).shutdownTimeoutMs;
      expect(seconds(services[name].stop_grace_period ?? '10s') * 1000).toBeGreaterThan(timeoutMs);
    }
  });
});
