import type { UserRepository } from '../../../application/ports/UserRepository';
import type { ListQuery, Page } from '../../../application/shared/ListQuery';
import { ERROR_CODES } from '../../../domain/shared/errorCatalogue';
import { Conflict } from '../../../domain/shared/errors';
import { Email } from '../../../domain/user/Email';
import type { AccountStatus, Role } from '../../../domain/user/Role';
import { User } from '../../../domain/user/User';
import type { Database } from '../Database';
import { userChanged } from '../dataVersions';
import { isUniqueViolation } from '../Database';
import type { UserRow } from '../entities/UserEntity';
import { UserEntity } from '../entities/UserEntity';
import { applyListQuery } from '../listQuery';

const LIST_COLUMNS = {
  columns: {
    id: 'u.id', name: 'u.name', email: 'u.email', phone: 'u.phone', address: 'u.address', role: 'u.role',
    isActive: 'u.status', isVerified: 'u.isVerified', isDeleted: 'u.isDeleted', createdAt: 'u.createdAt', updatedAt: 'u.updatedAt',
  },
  searchable: ['name', 'email', 'phone', 'address'],
};

export class TypeOrmUserRepository implements UserRepository {
  constructor(private readonly db: Database) {}

  private get repo() {
    return this.db.manager().getRepository(UserEntity);
  }

  async findById(id: string): Promise<User | null> {
    return toDomain(await this.repo.findOneBy({ id }));
  }

  async findByEmail(email: string): Promise<User | null> {
    return toDomain(await this.repo.findOneBy({ email: email.toLowerCase() }));
  }

  async findByGoogleId(googleId: string): Promise<User | null> {
    return toDomain(await this.repo.findOneBy({ googleId }));
  }

  async save(user: User): Promise<void> {
    try {
      await this.repo.save(toRow(user));
    } catch (error) {
      if (isUniqueViolation(error)) throw new Conflict('A user with this email already exists', ERROR_CODES.USER.ALREADY_EXISTS);
      throw error;
    }
    await userChanged(this.db, user.id);
  }

  async list(query: ListQuery): Promise<Page<User>> {
    const qb = applyListQuery(this.repo.createQueryBuilder('u'), query, LIST_COLUMNS);
    const [rows, total] = await qb.getManyAndCount();
    return { items: rows.map((r) => toDomain(r)!), total, page: query.page, limit: query.limit };
  }
}

function toRow(user: User): UserRow {
  const p = user.toProps();
  return { ...p, email: p.email.value };
}

function toDomain(row: UserRow | null): User | null {
  if (!row) return null;
  return User.restore({
    ...row,
    email: Email.create(row.email),
    role: row.role as Role,
    status: row.status as AccountStatus,
    isVerified: Boolean(row.isVerified),
    isDeleted: Boolean(row.isDeleted),
  });
}
