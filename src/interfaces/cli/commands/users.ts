import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import { emptyListQuery } from '../../../application/shared/ListQuery';
import type { UseCases } from '../../../application/UseCases';
import type { Role } from '../../../domain/user/Role';
import { ROLES } from '../../../domain/user/Role';
import { println, table } from '../output';
import type { Open } from '../types';
import { CONSOLE_ACTOR } from '../types';

function limit(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new InvalidArgumentError('must be a whole number from 1 to 100');
  return n;
}

export interface UsersDependencies {
  useCases: Pick<UseCases, 'listUsers'>;
}

export function register(program: Command, open: Open<UsersDependencies>): void {
  program
    .command('users')
    .description('List users, newest first, as a table')
    .addOption(new Option('--role <role>', 'only this role').choices([...ROLES]))
    .option('--search <term>', 'search name, email, phone and address')
    .option('--limit <n>', 'how many (1-100)', limit, 20)
    .action(async (options: { role?: Role; search?: string; limit: number }, command: Command) => {
      const { useCases } = await open();
      const page = await useCases.listUsers.execute(
        CONSOLE_ACTOR,
        emptyListQuery({ searchTerm: options.search || undefined, filters: options.role ? { role: options.role } : {}, limit: options.limit }),
      );
      const rows = page.items.map((u) => [u.id, u.name, u.email.value, u.role, u.status, u.isVerified ? 'yes' : 'no', u.isDeleted ? 'yes' : 'no', u.createdAt.toISOString()]);
      println(command, table(['id', 'name', 'email', 'role', 'status', 'verified', 'deleted', 'created'], rows));
      println(command, `${page.items.length} of ${page.total} user(s)`);
    });
}
