import type { UserRepository } from '../../src/application/ports/UserRepository';
import type { ListQuery} from '../../src/application/shared/ListQuery';
import { emptyListQuery } from '../../src/application/shared/ListQuery';
import { Conflict } from '../../src/domain/shared/errors';
import type { User } from '../../src/domain/user/User';
import { UserMother } from '../mothers/UserMother';

const at = (minute: number) => new Date(Date.UTC(2026, 1, 1, 9, minute, 0, 123));

/** Names mix case on purpose: every adapter must sort and search them the same way. */
function population(): User[] {
  return [
    UserMother.traveller({ id: 'u-01', name: 'alice Ahmed', email: 'alice@example.com', phone: '01711111111', address: 'Gulshan, Dhaka', createdAt: at(1) }),
    UserMother.traveller({ id: 'u-02', name: 'Bob Biswas', email: 'bob@example.com', phone: '01722222222', address: 'Agrabad, Chattogram', createdAt: at(2), isVerified: false }),
    UserMother.guide({ id: 'u-03', name: 'carol Chowdhury', email: 'carol@tours.example', phone: null, address: null, createdAt: at(3) }),
    UserMother.admin({ id: 'u-04', name: 'Dave Das', email: 'dave@example.com', phone: '01744444444', address: 'Dhanmondi, Dhaka', createdAt: at(4) }),
    UserMother.traveller({ id: 'u-05', name: 'Eve 100%_Real', email: 'eve@example.com', phone: '01755555555', address: 'Sylhet', createdAt: at(5), status: 'BLOCKED' }),
    UserMother.traveller({ id: 'u-06', name: 'Frank Faruq', email: 'frank@example.com', phone: '01766666666', address: 'Khulna', createdAt: at(6), status: 'INACTIVE' }),
    UserMother.superAdmin({ id: 'u-07', name: 'Grace Gazi', email: 'grace@example.com', phone: '01777777777', address: 'Rajshahi', createdAt: at(7) }),
  ];
}

const ids = (users: User[]) => users.map((u) => u.id);

/** Every UserRepository adapter must pass this. `makeAdapter` returns an empty repository. */
export function describeUserRepositoryContract(name: string, makeAdapter: () => Promise<UserRepository>): void {
  describe(`UserRepository contract: ${name}`, () => {
    let repo: UserRepository;

    beforeEach(async () => {
      repo = await makeAdapter();
    });

    it('round-trips every field of a user', async () => {
      const user = UserMother.traveller({ googleId: 'g-1', picture: 'users/u.png', createdAt: at(1), updatedAt: at(2) });
      await repo.save(user);
      const found = await repo.findById(user.id);
      expect(found?.toProps()).toEqual(user.toProps());
      expect(found).not.toBe(user);
    });

    it('answers null for unknown ids, emails and Google ids', async () => {
      expect(await repo.findById('nope')).toBeNull();
      expect(await repo.findByEmail('nope@example.com')).toBeNull();
      expect(await repo.findByGoogleId('nope')).toBeNull();
    });

    it('finds by email whatever its case, and by Google id', async () => {
      const user = UserMother.traveller({ email: 'rahim@example.com', googleId: 'g-42' });
      await repo.save(user);
      expect((await repo.findByEmail('Rahim@EXAMPLE.com'))?.id).toBe(user.id);
      expect((await repo.findByGoogleId('g-42'))?.id).toBe(user.id);
    });

    it('updates an existing user in place', async () => {
      const user = UserMother.unverified({ createdAt: at(1), updatedAt: at(1) });
      await repo.save(user);
      const loaded = (await repo.findById(user.id))!;
      loaded.applyChanges({ userId: 'admin', role: 'ADMIN' }, { name: 'Changed', isVerified: true, status: 'INACTIVE', phone: null }, at(9));
      await repo.save(loaded);
      const again = await repo.findById(user.id);
      expect(again?.toProps()).toMatchObject({ name: 'Changed', isVerified: true, status: 'INACTIVE', phone: null, updatedAt: at(9), createdAt: at(1) });
      expect((await repo.list(emptyListQuery())).total).toBe(1);
    });

    it('refuses a second account with the same email as a Conflict', async () => {
      await repo.save(UserMother.traveller({ email: 'same@example.com' }));
      await expect(repo.save(UserMother.traveller({ email: 'same@example.com' }))).rejects.toThrow(
        expect.objectContaining({ constructor: Conflict, code: 'USER.ALREADY_EXISTS' }),
      );
    });

    describe('list', () => {
      beforeEach(async () => {
        for (const user of population()) await repo.save(user);
      });

      const list = (overrides: Partial<ListQuery>) => repo.list(emptyListQuery(overrides));

      it('defaults to newest first, ten a page', async () => {
        const page = await list({});
        expect(ids(page.items)).toEqual(['u-07', 'u-06', 'u-05', 'u-04', 'u-03', 'u-02', 'u-01']);
        expect(page).toMatchObject({ total: 7, page: 1, limit: 10 });
      });

      it('pages with the total of all matches', async () => {
        const first = await list({ limit: 3, page: 1, sort: [{ field: 'createdAt', direction: 'ASC' }] });
        const third = await list({ limit: 3, page: 3, sort: [{ field: 'createdAt', direction: 'ASC' }] });
        const beyond = await list({ limit: 3, page: 4 });
        expect(ids(first.items)).toEqual(['u-01', 'u-02', 'u-03']);
        expect(ids(third.items)).toEqual(['u-07']);
        expect(beyond.items).toEqual([]);
        expect([first.total, third.total, beyond.total]).toEqual([7, 7, 7]);
        expect(third).toMatchObject({ page: 3, limit: 3 });
      });

      it('sorts text without regard to case, both ways', async () => {
        const asc = await list({ sort: [{ field: 'name', direction: 'ASC' }] });
        const desc = await list({ sort: [{ field: 'name', direction: 'DESC' }] });
        expect(ids(asc.items)).toEqual(['u-01', 'u-02', 'u-03', 'u-04', 'u-05', 'u-06', 'u-07']);
        expect(ids(desc.items)).toEqual(['u-07', 'u-06', 'u-05', 'u-04', 'u-03', 'u-02', 'u-01']);
      });

      it('sorts by several keys, breaking ties stably', async () => {
        const page = await list({ sort: [{ field: 'role', direction: 'DESC' }, { field: 'createdAt', direction: 'DESC' }] });
        expect(ids(page.items)).toEqual(['u-06', 'u-05', 'u-02', 'u-01', 'u-07', 'u-03', 'u-04']);
        const paged = [...(await list({ limit: 4, sort: [{ field: 'role', direction: 'ASC' }] })).items, ...(await list({ limit: 4, page: 2, sort: [{ field: 'role', direction: 'ASC' }] })).items];
        expect(new Set(ids(paged)).size).toBe(7);
      });

      it('searches name, email, phone and address without regard to case', async () => {
        expect(ids((await list({ searchTerm: 'DHAKA' })).items).sort()).toEqual(['u-01', 'u-04']);
        expect(ids((await list({ searchTerm: 'tours.example' })).items)).toEqual(['u-03']);
        expect(ids((await list({ searchTerm: '0172222' })).items)).toEqual(['u-02']);
        expect(ids((await list({ searchTerm: 'ALICE' })).items)).toEqual(['u-01']);
        expect((await list({ searchTerm: 'nobody-matches' })).total).toBe(0);
      });

      it('treats % and _ in the search term as plain characters', async () => {
        expect(ids((await list({ searchTerm: '100%_' })).items)).toEqual(['u-05']);
        expect((await list({ searchTerm: '%' })).total).toBe(1);
        expect((await list({ searchTerm: '_' })).total).toBe(1);
      });

      it('filters exactly on role, status, verification and id', async () => {
        expect(ids((await list({ filters: { role: 'USER' } })).items).sort()).toEqual(['u-01', 'u-02', 'u-05', 'u-06']);
        expect(ids((await list({ filters: { isActive: 'BLOCKED' } })).items)).toEqual(['u-05']);
        expect(ids((await list({ filters: { isVerified: false } })).items)).toEqual(['u-02']);
        expect((await list({ filters: { isVerified: true } })).total).toBe(6);
        expect((await list({ filters: { isDeleted: false } })).total).toBe(7);
        expect(ids((await list({ filters: { id: 'u-04' } })).items)).toEqual(['u-04']);
      });

      it('combines search, filters, sort and paging, counting only matches', async () => {
        const page = await list({ searchTerm: 'example.com', filters: { role: 'USER', isActive: 'ACTIVE' }, sort: [{ field: 'email', direction: 'DESC' }], limit: 1, page: 2 });
        expect(ids(page.items)).toEqual(['u-01']);
        expect(page.total).toBe(2);
      });

      it('bounds by a date range', async () => {
        const page = await list({ ranges: { createdAt: { gte: at(3), lte: at(5) } }, sort: [{ field: 'createdAt', direction: 'ASC' }] });
        expect(ids(page.items)).toEqual(['u-03', 'u-04', 'u-05']);
      });
    });
  });
}
