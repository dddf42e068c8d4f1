import type { UserRepository } from '../../src/application/ports/UserRepository';
import type { ListQuery, Page, SortKey } from '../../src/application/shared/ListQuery';
import { Conflict } from '../../src/domain/shared/errors';
import type { UserProps } from '../../src/domain/user/User';
import { User } from '../../src/domain/user/User';
import { TransactionalTable } from './TransactionalTable';

/** API list field → how to read it from a stored user (the same names TypeOrmUserRepository maps). */
const FIELDS: Record<string, (p: UserProps) => string | number | boolean | null> = {
  id: (p) => p.id,
  name: (p) => p.name,
  email: (p) => p.email.value,
  phone: (p) => p.phone,
  address: (p) => p.address,
  role: (p) => p.role,
  isActive: (p) => p.status,
  isVerified: (p) => p.isVerified,
  isDeleted: (p) => p.isDeleted,
  createdAt: (p) => p.createdAt.getTime(),
  updatedAt: (p) => p.updatedAt.getTime(),
};
const SEARCHABLE = ['name', 'email', 'phone', 'address'];

function read(props: UserProps, field: string): string | number | boolean | null {
  const get = FIELDS[field];
  if (!get) throw new Error(`List field ${field} is not mapped`);
  return get(props);
}

/** Case-insensitive like the databases' collations; nulls first ascending, like MySQL and SQLite. */
function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  const x = typeof a === 'string' ? a.toLowerCase() : Number(a);
  const y = typeof b === 'string' ? b.toLowerCase() : Number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Users kept as plain props, so an entity changed without `save` changes nothing here (like a database). */
export class InMemoryUserRepository implements UserRepository {
  private readonly rows = new TransactionalTable<UserProps>();

  async findById(id: string): Promise<User | null> {
    const row = this.rows.get(id);
    return row ? User.restore(row) : null;
  }

  async findByEmail(email: string): Promise<User | null> {
    return this.find((p) => p.email.value === email.toLowerCase());
  }

  async findByGoogleId(googleId: string): Promise<User | null> {
    return this.find((p) => p.googleId === googleId);
  }

  async save(user: User): Promise<void> {
    const props = user.toProps();
    const clash = await this.rows.setUnique(props.id, props, (p) => p.email.value === props.email.value || (props.googleId !== null && p.googleId === props.googleId));
    if (clash) throw new Conflict('A user with this email already exists', 'USER.ALREADY_EXISTS');
  }

  async list(query: ListQuery): Promise<Page<User>> {
    const term = query.searchTerm?.toLowerCase();
    const matches = this.rows.values().filter(
      (p) =>
        (!term || SEARCHABLE.some((f) => String(read(p, f) ?? '').toLowerCase().includes(term))) &&
        Object.entries(query.filters).every(([field, value]) => read(p, field) === value) &&
        Object.entries(query.ranges).every(([field, range]) => {
          const v = Number(read(p, field));
          return (range.gte === undefined || v >= Number(range.gte)) && (range.lte === undefined || v <= Number(range.lte));
        }),
    );
    const sort: SortKey[] = query.sort.length ? query.sort : [{ field: 'createdAt', direction: 'DESC' }];
    const keys = [...sort, { field: 'id', direction: sort[0].direction }];
    matches.sort((a, b) => {
      for (const key of keys) {
        const c = compare(read(a, key.field), read(b, key.field));
        if (c !== 0) return key.direction === 'ASC' ? c : -c;
      }
      return 0;
    });
    const start = (query.page - 1) * query.limit;
    return { items: matches.slice(start, start + query.limit).map((p) => User.restore(p)), total: matches.length, page: query.page, limit: query.limit };
  }

  /** Every stored user, for assertions. */
  all(): User[] {
    return this.rows.values().map((p) => User.restore(p));
  }

  private find(predicate: (p: UserProps) => boolean): User | null {
    const row = this.rows.values().find(predicate);
    return row ? User.restore(row) : null;
  }
}

