import { Command } from 'commander';
import { CreateAdmin } from '../../../application/users/CreateAdmin';
import { println } from '../output';
import { GetRuntime } from '../types';

export function register(program: Command, getRuntime: GetRuntime): void {
  program
    .command('create-admin')
    .description('Create a verified ADMIN (or with --super a SUPER_ADMIN) account')
    .requiredOption('--email <email>', 'login email')
    .requiredOption('--password <password>', 'at least 8 characters with an uppercase letter, a digit and one of !@#$%^&*')
    .option('--name <name>', 'display name')
    .option('--super', 'make it a SUPER_ADMIN', false)
    .action(async (options: { email: string; password: string; name?: string; super: boolean }, command: Command) => {
      const runtime = await getRuntime();
      const user = await runtime.container.get(CreateAdmin).execute({
        email: options.email, password: options.password, name: options.name, role: options.super ? 'SUPER_ADMIN' : 'ADMIN',
      });
      println(command, `Created ${user.role} ${user.email.value} (${user.id})`);
    });
}
