import type { User } from '../../domain/user/User';
import type { ListQuery, Page } from '../shared/ListQuery';

export interface UserRepository {
  findById(id: string): Promise<User | null>;
  findByEmail(email: string): Promise<User | null>;
  findByGoogleId(googleId: string): Promise<User | null>;
  /** Inserts or updates. Throws Conflict when the email is taken. */
  save(user: User): Promise<void>;
  list(query: ListQuery): Promise<Page<User>>;
}
