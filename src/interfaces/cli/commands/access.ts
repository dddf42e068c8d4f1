import type { Command } from 'commander';
import { Option } from 'commander';
import type { UseCases } from '../../../application/UseCases';
import type { Role } from '../../../domain/user/Role';
import { ROLES } from '../../../domain/user/Role';
import type { User } from '../../../domain/user/User';
import { println } from '../output';
import type { Open } from '../types';
import { CONSOLE_ACTOR } from '../types';

const describe = (user: User) => `${user.email.value} (${user.id}): role ${user.role}, status ${user.status}`;

/** `block`, `unblock` and `role`: account access by email, through UpdateUser, the use case `PATCH /user/:id` runs too. */
export interface AccessDependencies {
  useCases: Pick<UseCases, 'updateUser'>;
}

export function register(program: Command, open: Open<AccessDependencies>): void {
  const change = async (command: Command, { email, ...changes }: { email: string; role?: Role; status?: 'ACTIVE' | 'BLOCKED' }, verb: string) => {
    const { useCases } = await open();
    const user = await useCases.updateUser.execute(CONSOLE_ACTOR, { email }, changes);
    println(command, `${verb} ${describe(user)}`);
  };

  program
    .command('block')
    .description('Block an account: it can no longer log in and every session is revoked')
    .requiredOption('--email <email>', 'the account email')
    .action((options: { email: string }, command: Command) => change(command, { email: options.email, status: 'BLOCKED' }, 'Blocked'));

  program
    .command('unblock')
    .description('Make a blocked or inactive account ACTIVE again')
    .requiredOption('--email <email>', 'the account email')
    .action((options: { email: string }, command: Command) => change(command, { email: options.email, status: 'ACTIVE' }, 'Unblocked'));

  program
    .command('role')
    .description("Change an account's role")
    .requiredOption('--email <email>', 'the account email')
    .addOption(new Option('--role <role>', 'the new role').choices([...ROLES]).makeOptionMandatory())
    .action((options: { email: string; role: Role }, command: Command) => change(command, { email: options.email, role: options.role }, 'Updated'));
}
