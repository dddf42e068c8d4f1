import { Command, InvalidArgumentError, Option } from 'commander';
import { emptyListQuery } from '../../../application/shared/ListQuery';
import { ListUsers } from '../../../application/users/ListUsers';
import { ROLES, Role } from '../../../domain/user/Role';
import { println, table } from '../output';
import { CONSOLE_ACTOR, GetRuntime } from '../types';

/** The operator at the console acts with full rights. */

function limit(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new InvalidArgumentError('must be a whole number from 1 to 100');
  return n;
}

export function register(program: Command, getRuntime: GetRuntime): void {
  program
    .command('users')
    .description('List users, newest first, as a table')
    .addOption(new Option('--role <role>', 'only this role').choices([...ROLES]))
    .option('--search <term>', 'search name, email, phone and address')
    .option('--limit <n>', 'how many (1-100)', limit, 20)
    .action(async (options: { role?: Role; search?: string; limit: number }, command: Command) => {
      const runtime = await getRuntime();
      const page = await runtime.container.get(ListUsers).execute(
        CONSOLE_ACTOR,
        emptyListQuery({ searchTerm: options.search || undefined, filters: options.role ? { role: options.role } : {}, limit: options.limit }),
      );
      const rows = page.items.map((u) => [u.id, u.name, u.email.value, u.role, u.status, u.isVerified ? 'yes' : 'no', u.isDeleted ? 'yes' : 'no', u.createdAt.toISOString()]);
      println(command, table(['id', 'name', 'email', 'role', 'status', 'verified', 'deleted', 'created'], rows));
      println(command, `${page.items.length} of ${page.total} user(s)`);
    });
}
