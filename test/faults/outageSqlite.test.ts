import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { TestApp} from '../support/testApp';
import { startTestApp } from '../support/testApp';
import { verifiedTraveller } from '../support/travellers';

describe('the embedded SQLite database locked by another writer, over HTTP', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ SQLITE_BUSY_TIMEOUT_MS: '100' });
  });
  afterAll(() => app.stop());

  test('writes answer 503 with Retry-After and write nothing, reads go on, and once the lock is released writes succeed', async () => {
    const traveller = await verifiedTraveller(app);
    const users = app.server.root.ports.userRepository;
    const rename = (name: string) => app.request('PATCH', `/api/v1/user/${traveller.id}`, { token: traveller.token, body: { name } });
    const register = (email: string) => app.request('POST', '/api/v1/user/register', { body: { name: 'Late Comer', email, password: 'Str0ng!pass' } });

    const otherProcess = new BetterSqlite3(path.join(app.varDir, 'tourdesk.sqlite'));
    otherProcess.exec('BEGIN IMMEDIATE');
    let released = false;
    try {
      const renamed = await rename('Renamed While Locked');
      const registered = await register('locked-out@example.com');
      for (const blocked of [renamed, registered]) {
        expect(blocked.status).toBe(503);
        expect(blocked.headers.get('retry-after')).toBe('5');
        expect(blocked.body).toMatchObject({ success: false, statusCode: 503, code: 'DEPENDENCY_UNAVAILABLE', message: expect.stringMatching(/database/i) });
      }
      const me = await app.request('GET', '/api/v1/user/me', { token: traveller.token });
      expect([me.status, me.body.data.name]).toEqual([200, (await users.findById(traveller.id))!.name]);
      expect(me.body.data.name).not.toBe('Renamed While Locked');
      expect(await users.findByEmail('locked-out@example.com')).toBeNull();

      otherProcess.exec('ROLLBACK');
      released = true;
      expect((await rename('Renamed Afterwards')).status).toBe(200);
      expect((await register('locked-out@example.com')).status).toBe(201);
      expect((await users.findById(traveller.id))!.name).toBe('Renamed Afterwards');
    } finally {
      if (!released) otherProcess.exec('ROLLBACK');
      otherProcess.close();
    }
  });
});
