import fs from 'node:fs';
import path from 'node:path';
import { ImageMother } from '../../mothers/ImageMother';
import { loginSuperAdmin, register, startAppWithSuperAdmin } from '../../support/accounts';
import type { TestApp } from '../../support/testApp';
import { PRODUCTION_ENV } from '../../support/testApp';

const METRICS_TOKEN = 'metrics-token-0123456789abcdef';

describe('/metrics in production', () => {
  it('needs Authorization: Bearer METRICS_TOKEN', async () => {
    const app = await startAppWithSuperAdmin({ ...PRODUCTION_ENV, METRICS_TOKEN });
    try {
      const anonymous = await app.request('GET', '/metrics');
      expect([anonymous.status, anonymous.body.code]).toEqual([401, 'METRICS.TOKEN_REQUIRED']);
      expect((await app.request('GET', '/metrics', { token: 'wrong-token-0123456789abcdef' })).status).toBe(401);
      const scraper = await app.request('GET', '/metrics', { token: METRICS_TOKEN });
      expect(scraper.status).toBe(200);
      expect(scraper.body).toContain('http_request_duration_seconds');
    } finally {
      await app.stop();
    }
  });

  it('is not served at all without METRICS_TOKEN', async () => {
    const app = await startAppWithSuperAdmin(PRODUCTION_ENV);
    try {
      expect((await app.request('GET', '/metrics')).status).toBe(404);
    } finally {
      await app.stop();
    }
  });
});

describe('VAR_DIR is private', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startAppWithSuperAdmin();
  });
  afterAll(() => app.stop());

  const modeOf = (file: string) => (fs.statSync(file).mode & 0o777).toString(8);
  const filesIn = (dir: string): string[] =>
    fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesIn(path.join(dir, e.name)) : [path.join(dir, e.name)])) : [];

  it('is 0700, and the database, mails, stored objects and secrets in it are 0600', async () => {
    const user = await register(app);
    const admin = await loginSuperAdmin(app);
    const form = new FormData();
    form.append('data', JSON.stringify({ name: 'Pictured' }));
    form.append('file', new Blob([ImageMother.png()], { type: 'image/png' }), 'me.png');
    expect((await app.request('PATCH', `/api/v1/user/${user.id}`, { token: admin.accessToken, form })).status).toBe(200);
    await app.mails();

    expect(modeOf(app.varDir)).toBe('700');
    const files = filesIn(app.varDir);
    expect(files.some((f) => f.endsWith('tourdesk.sqlite'))).toBe(true);
    expect(files.some((f) => f.endsWith('.eml'))).toBe(true);
    expect(files.some((f) => f.includes(`${path.sep}objects${path.sep}`))).toBe(true);
    expect(files.some((f) => f.endsWith('secrets.json'))).toBe(true);
    expect(files.map((f) => [path.relative(app.varDir, f), modeOf(f)]).filter(([, mode]) => mode !== '600')).toEqual([]);
  });
});
