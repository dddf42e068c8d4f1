import { Command, Option } from 'commander';
import { ChangeAccountAccess } from '../../../application/users/ChangeAccountAccess';
import { ROLES, Role } from '../../../domain/user/Role';
import { User } from '../../../domain/user/User';
import { println } from '../output';
import { CONSOLE_ACTOR, GetRuntime } from '../types';

/** The operator at the console acts with full rights. */

const describe = (user: User) => `${user.email.value} (${user.id}): role ${user.role}, status ${user.status}`;

/** `block`, `unblock` and `role`: account access by email, through the ChangeAccountAccess use case. */
export function register(program: Command, getRuntime: GetRuntime): void {
  const change = async (command: Command, input: { email: string; role?: Role; status?: 'ACTIVE' | 'BLOCKED' }, verb: string) => {
    const runtime = await getRuntime();
    const user = await runtime.container.get(ChangeAccountAccess).execute(CONSOLE_ACTOR, input);
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
