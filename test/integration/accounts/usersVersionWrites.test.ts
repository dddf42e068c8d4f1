import { CATALOGUE, SqlDataVersion, USERS } from '../../../src/infrastructure/persistence/dataVersions';
import { TypeOrmUnitOfWork } from '../../../src/infrastructure/persistence/TypeOrmUnitOfWork';
import { TypeOrmTourTypeRepository } from '../../../src/infrastructure/persistence/repositories/TypeOrmTourTypeRepository';
import { TypeOrmUserRepository } from '../../../src/infrastructure/persistence/repositories/TypeOrmUserRepository';
import { FakeClock } from '../../fakes/FakeClock';
import { TourTypeMother } from '../../mothers/CatalogueMother';
import { UserMother } from '../../mothers/UserMother';
import { forEachDatabase } from '../../support/databases';

/**
 * Every change to a user goes through UserRepository.save (register, verify, edit, role and status
 * changes, password changes, soft delete): each moves the users version, and only that one.
 */
forEachDatabase((kind, database) => {
  describe(`the users version moves with every user write, and only then (${kind})`, () => {
    const now = new Date('2026-03-01T10:00:00.000Z');
    let users: TypeOrmUserRepository;
    let tourTypes: TypeOrmTourTypeRepository;
    let moved: (write: () => Promise<unknown>) => Promise<{ users: boolean; catalogue: boolean }>;

    beforeAll(() => {
      const db = database();
      const uow = new TypeOrmUnitOfWork(db);
      const usersVersion = new SqlDataVersion(db, USERS, new FakeClock());
      const catalogueVersion = new SqlDataVersion(db, CATALOGUE, new FakeClock());
      users = new TypeOrmUserRepository(db);
      tourTypes = new TypeOrmTourTypeRepository(db);
      moved = async (write) => {
        const before = [await usersVersion.current(), await catalogueVersion.current()];
        await uow.run(write);
        return { users: (await usersVersion.current()) !== before[0], catalogue: (await catalogueVersion.current()) !== before[1] };
      };
    });

    test('create, verify, edit, password, block, soft delete: the users version moves, the catalogue version stays', async () => {
      const user = UserMother.create({ isVerified: false });
      const admin = { userId: 'admin-1', role: 'ADMIN' as const, sessionId: 's-1' };
      const changes: (() => void)[] = [
        () => user.verify(now),
        () => user.applyChanges({ userId: user.id, role: 'USER', sessionId: 's-2' }, { name: 'Renamed Traveller' }, now),
        () => user.changePassword('another-hash', now),
        () => user.applyChanges(admin, { status: 'BLOCKED' }, now),
        () => user.applyChanges(admin, { isDeleted: true }, now),
      ];
      expect(await moved(() => users.save(user))).toEqual({ users: true, catalogue: false });
      for (const change of changes) {
        change();
        expect(await moved(() => users.save(user))).toEqual({ users: true, catalogue: false });
      }
    });

    test('reads leave it alone; a catalogue write moves only the catalogue version', async () => {
      const user = UserMother.create();
      await users.save(user);
      expect(await moved(() => users.findById(user.id))).toEqual({ users: false, catalogue: false });
      expect(await moved(() => tourTypes.save(TourTypeMother.create()))).toEqual({ users: false, catalogue: true });
    });
  });
});
