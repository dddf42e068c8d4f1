import { ImageMother } from '../mothers/ImageMother';
import type { TestApp } from '../support/testApp';
import type { LoggedIn} from '../support/accounts';
import { loginSuperAdmin, register, startAppWithSuperAdmin, verifiedUser } from '../support/accounts';

describe('users over HTTP', () => {
  let app: TestApp;
  let root: LoggedIn;
  let admin: LoggedIn;
  let traveller: LoggedIn;
  let guide: LoggedIn;
  const tag = `t${Date.now()}`;

  beforeAll(async () => {
    app = await startAppWithSuperAdmin();
    root = await loginSuperAdmin(app);
    admin = await verifiedUser(app, root, { role: 'ADMIN' }, { name: 'Ayesha Admin', email: `ayesha-${tag}@example.com` });
    traveller = await verifiedUser(app, root, {}, { name: 'Tanvir Traveller', email: `tanvir-${tag}@example.com`, address: 'Uttara, Dhaka' });
    guide = await verifiedUser(app, root, { role: 'GUIDE' }, { name: 'Gias Guide', email: `gias-${tag}@example.com`, phone: '01912345678' });
  });
  afterAll(() => app.stop());

  describe('roles', () => {
    it.each([
      ['GET', '/api/v1/user/all-users'],
      ['GET', '/api/v1/user/:id'],
    ])('%s %s answers a traveller and a guide 403, an admin 200', async (method, path) => {
      const url = path.replace(':id', root.id);
      expect((await app.request(method, url, { token: traveller.accessToken })).status).toBe(403);
      expect((await app.request(method, url, { token: guide.accessToken })).status).toBe(403);
      expect((await app.request(method, url, { token: admin.accessToken })).status).toBe(200);
      expect((await app.request(method, url)).status).toBe(401);
    });

    it('GET /user/:id answers 404 for an unknown id', async () => {
      const response = await app.request('GET', '/api/v1/user/00000000-0000-0000-0000-000000000000', { token: admin.accessToken });
      expect(response.status).toBe(404);
      expect(response.body.success).toBe(false);
    });
  });

  describe('GET /user/all-users', () => {
    const list = (query: string, token = admin.accessToken) => app.request('GET', `/api/v1/user/all-users?${query}`, { token });

    it('answers data[] with top-level meta', async () => {
      const response = await list('limit=2');
      expect(response.status).toBe(200);
      expect(response.body.data).toHaveLength(2);
      expect(response.body.meta).toEqual({ page: 1, limit: 2, total: 4, totalPage: 2 });
      expect(response.body.data[0]._id).toBe(response.body.data[0].id);
    });

    it('searches name, email, phone and address', async () => {
      expect((await list('searchTerm=tanvir')).body.data.map((u: any) => u._id)).toEqual([traveller.id]);
      expect((await list('searchTerm=UTTARA')).body.data.map((u: any) => u._id)).toEqual([traveller.id]);
      expect((await list('searchTerm=0191234')).body.data.map((u: any) => u._id)).toEqual([guide.id]);
    });

    it('filters by role and by _id', async () => {
      const guides = await list('role=GUIDE');
      expect(guides.body.data.map((u: any) => u._id)).toEqual([guide.id]);
      const one = await list(`_id=${traveller.id}`);
      expect(one.body.data).toHaveLength(1);
      expect(one.body.data[0].email).toBe(traveller.email);
      expect((await list('isVerified=true')).body.meta.total).toBe(4);
    });

    it('sorts by -createdAt and by name', async () => {
      const newest = await list('sort=-createdAt');
      expect(newest.body.data.map((u: any) => u._id)).toEqual([guide.id, traveller.id, admin.id, root.id]);
      const byName = await list('sort=name');
      expect(byName.body.data.map((u: any) => u.name)).toEqual(['Ayesha Admin', 'Gias Guide', 'Super Admin', 'Tanvir Traveller']);
    });

    it('projects fields=name,email, keeping the ids', async () => {
      const response = await list('fields=name,email&limit=1');
      expect(Object.keys(response.body.data[0]).sort()).toEqual(['_id', 'email', 'id', 'name']);
    });

    it.each([
      ['sort=password', 'sort'],
      ['sort=-passwordHash', 'sort'],
      ['fields=passwordHash', 'fields'],
      ['limit=0', 'limit'],
      ['page=0', 'page'],
      ['role=KING', 'role'],
      ['unknownFilter=1', 'unknownFilter'],
    ])('refuses %s with 400 naming %s', async (query, field) => {
      const response = await list(query);
      expect(response.status).toBe(400);
      expect(response.body.errorSources).toEqual(expect.arrayContaining([expect.objectContaining({ path: field })]));
    });
  });

  describe('PATCH /user/:id', () => {
    it('lets the owner edit the profile', async () => {
      const response = await app.request('PATCH', `/api/v1/user/${traveller.id}`, { token: traveller.accessToken, body: { name: 'Tanvir Ahmed', phone: '017 1111 2222', address: 'Mirpur' } });
      expect(response.status).toBe(200);
      expect(response.body.data).toMatchObject({ name: 'Tanvir Ahmed', phone: '01711112222', address: 'Mirpur' });
    });

    it('refuses the owner privileged fields with 403', async () => {
      const response = await app.request('PATCH', `/api/v1/user/${traveller.id}`, { token: traveller.accessToken, body: { role: 'ADMIN' } });
      expect(response.status).toBe(403);
    });

    it("answers 404 to a traveller editing someone else's profile", async () => {
      expect((await app.request('PATCH', `/api/v1/user/${guide.id}`, { token: traveller.accessToken, body: { name: 'Hacked' } })).status).toBe(404);
    });

    it('never edits the email: 400 naming it', async () => {
      const response = await app.request('PATCH', `/api/v1/user/${traveller.id}`, { token: traveller.accessToken, body: { email: 'new@example.com' } });
      expect(response.status).toBe(400);
      expect(response.body.errorSources).toEqual([expect.objectContaining({ path: 'email' })]);
    });

    it('refuses a bad phone with 400 naming it', async () => {
      const response = await app.request('PATCH', `/api/v1/user/${traveller.id}`, { token: traveller.accessToken, body: { phone: '12345' } });
      expect(response.status).toBe(400);
      expect(response.body.errorSources[0].path).toBe('phone');
    });

    it('lets an admin not touch a super admin, nor grant that role', async () => {
      expect((await app.request('PATCH', `/api/v1/user/${root.id}`, { token: admin.accessToken, body: { name: 'Renamed' } })).status).toBe(403);
      expect((await app.request('PATCH', `/api/v1/user/${guide.id}`, { token: admin.accessToken, body: { role: 'SUPER_ADMIN' } })).status).toBe(403);
      const me = await app.request('GET', `/api/v1/user/${root.id}`, { token: admin.accessToken });
      expect(me.body.data.name).toBe('Super Admin');
    });

    it('lets an admin block a traveller and the super admin grant super admin', async () => {
      const account = await register(app);
      const blocked = await app.request('PATCH', `/api/v1/user/${account.id}`, { token: admin.accessToken, body: { isActive: 'BLOCKED' } });
      expect(blocked.body.data.isActive).toBe('BLOCKED');
      const promoted = await app.request('PATCH', `/api/v1/user/${account.id}`, { token: root.accessToken, body: { role: 'SUPER_ADMIN', isActive: 'ACTIVE' } });
      expect(promoted.status).toBe(200);
      expect(promoted.body.data).toMatchObject({ role: 'SUPER_ADMIN', isActive: 'ACTIVE' });
    });

    it('refuses an admin demoting themselves', async () => {
      expect((await app.request('PATCH', `/api/v1/user/${admin.id}`, { token: admin.accessToken, body: { role: 'USER' } })).status).toBe(403);
    });

    it('accepts multipart with the JSON in data', async () => {
      const form = new FormData();
      form.set('data', JSON.stringify({ address: 'Bashundhara' }));
      const response = await app.request('PATCH', `/api/v1/user/${guide.id}`, { token: guide.accessToken, form });
      expect(response.status).toBe(200);
      expect(response.body.data.address).toBe('Bashundhara');
    });
  });

  describe('GET /user/me, answered from profiles kept under the users version', () => {
    const me = async (who: LoggedIn) => (await app.request('GET', '/api/v1/user/me', { token: who.accessToken })).body.data;

    it("shows the owner's edit, an admin's edit and a new picture on the very next read", async () => {
      const user = await verifiedUser(app, root, {}, { name: 'Mim Before', email: `mim-${tag}@example.com` });
      expect((await me(user)).name).toBe('Mim Before');
      expect((await me(user)).name).toBe('Mim Before');

      await app.request('PATCH', `/api/v1/user/${user.id}`, { token: user.accessToken, body: { name: 'Mim After' } });
      expect((await me(user)).name).toBe('Mim After');

      await app.request('PATCH', `/api/v1/user/${user.id}`, { token: admin.accessToken, body: { address: 'Banani, Dhaka' } });
      expect(await me(user)).toMatchObject({ name: 'Mim After', address: 'Banani, Dhaka' });

      const form = new FormData();
      form.set('file', new Blob([ImageMother.png(3)], { type: 'image/png' }), 'mim.png');
      expect((await app.request('PATCH', `/api/v1/user/${user.id}`, { token: user.accessToken, form })).status).toBe(200);
      expect((await me(user)).picture).toEqual(expect.stringContaining('/files/'));
    });

    it('keeps each profile to its own caller, and stops answering once the caller is blocked', async () => {
      const one = await verifiedUser(app, root, {}, { name: 'Nadia One', email: `nadia-${tag}@example.com` });
      const two = await verifiedUser(app, root, {}, { name: 'Rafi Two', email: `rafi-${tag}@example.com` });
      expect((await me(one)).name).toBe('Nadia One');
      expect((await me(two)).name).toBe('Rafi Two');
      expect((await me(one)).email).toBe(one.email);

      await app.request('PATCH', `/api/v1/user/${one.id}`, { token: admin.accessToken, body: { isActive: 'BLOCKED' } });
      expect((await app.request('GET', '/api/v1/user/me', { token: one.accessToken })).status).toBe(401);
      expect((await me(two)).name).toBe('Rafi Two');
    });
  });
});
