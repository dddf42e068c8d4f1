import { FakeClock } from '../fakes/FakeClock';
import { login, loginSuperAdmin, startAppWithSuperAdmin, verifiedUser } from '../support/accounts';
import { createMysqlDatabase, describeIf, realService } from '../support/services';
import type { TestApp} from '../support/testApp';
import { startTestApp } from '../support/testApp';

const API = '/api/v1';

/**
 * Two API instances on one MariaDB, as two processes would run: a change committed through one is
 * served by the other as soon as its version memo (≤ 1 s) lapses. The reader's clock is a fake so
 * "a second later" is a step of the clock, not a wait.
 */
describeIf(realService('mysql'), 'cached catalogue and profile reads across API instances (MariaDB)', () => {
  let writer: TestApp;
  let reader: TestApp;
  let readerClock: FakeClock;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const created = await createMysqlDatabase();
    drop = created.drop;
    writer = await startAppWithSuperAdmin({ DATABASE_URL: created.url });
    readerClock = new FakeClock(new Date());
    reader = await startTestApp({ DATABASE_URL: created.url }, { ports: { clock: readerClock } });
  });
  afterAll(async () => {
    await reader?.stop();
    await writer?.stop();
    await drop?.();
  });

  test('a tour created and renamed through one instance is served by the other within one memo period', async () => {
    const token = (await loginSuperAdmin(writer)).accessToken;
    const division = (await writer.request('POST', `${API}/division/create`, { token, body: { name: 'Sylhet' } })).body.data;
    const type = (await writer.request('POST', `${API}/tour/create-tour-type`, { token, body: { name: 'Tea Walk' } })).body.data;
    const titles = async () => (await reader.request('GET', `${API}/tours?sort=title`)).body.data.map((t: { title: string }) => t.title);

    expect(await titles()).toEqual([]);
    const created = await writer.request('POST', `${API}/tour/create`, { token, body: { title: 'Srimangal Tea Trail', costFrom: 900, maxGuest: 8, division: division.id, tourType: type.id } });
    expect(created.status).toBe(201);
    // Until the reader's memo lapses it may answer from its cache; one memo period later it must not.
    readerClock.advance(1000);
    expect(await titles()).toEqual(['Srimangal Tea Trail']);

    await writer.request('PATCH', `${API}/tour/${created.body.data.id}`, { token, body: { title: 'Srimangal Tea Walk' } });
    readerClock.advance(1000);
    expect(await titles()).toEqual(['Srimangal Tea Walk']);
  });

  test("a profile edited through one instance is the other's /user/me within one memo period", async () => {
    const admin = await loginSuperAdmin(writer);
    const user = await verifiedUser(writer, admin, {}, { name: 'Sumaiya Before' });
    const onReader = await login(reader, user.email, user.password);
    const name = async () => (await reader.request('GET', `${API}/user/me`, { token: onReader.accessToken })).body.data.name as string;

    expect(await name()).toBe('Sumaiya Before');
    const edited = await writer.request('PATCH', `${API}/user/${user.id}`, { token: user.accessToken, body: { name: 'Sumaiya After' } });
    expect(edited.status).toBe(200);
    readerClock.advance(1000);
    expect(await name()).toBe('Sumaiya After');
  });
});
