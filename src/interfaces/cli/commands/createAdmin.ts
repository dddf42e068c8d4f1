import fs from 'node:fs/promises';
import type { Command } from 'commander';
import { Option } from 'commander';
import type { UseCases } from '../../../application/UseCases';
import { ValidationFailed } from '../../../domain/shared/errors';
import { println } from '../output';
import type { CliOutput, Open } from '../types';

const PASSWORD_RULE = 'at least 8 characters with an uppercase letter, a digit and one of !@#$%^&*, and not a known leaked password';

/** The first line of the file: what `printf '%s\n' "$PW" > file` or a secrets mount holds. */
async function passwordFrom(file: string): Promise<string> {
  try {
    return (await fs.readFile(file, 'utf8')).split(/\r?\n/)[0];
  } catch (error) {
    throw ValidationFailed.field('password-file', `cannot be read: ${(error as Error).message}`);
  }
}

export interface CreateAdminDependencies {
  useCases: Pick<UseCases, 'createAdmin'>;
}

export function register(program: Command, open: Open<CreateAdminDependencies>, output: CliOutput): void {
  program
    .command('create-admin')
    .description(`Create a verified ADMIN (or with --super a SUPER_ADMIN) account. The password (${PASSWORD_RULE}) is read from --password-file, else typed at a prompt, else the first line of standard input`)
    .requiredOption('--email <email>', 'login email')
    .option('--password-file <file>', 'read the password from the first line of this file')
    .addOption(new Option('--password <password>').hideHelp())
    .option('--name <name>', 'display name')
    .option('--super', 'make it a SUPER_ADMIN', false)
    .action(async (options: { email: string; password?: string; passwordFile?: string; name?: string; super: boolean }, command: Command) => {
      if (options.password !== undefined) {
        throw ValidationFailed.field('password', 'is not taken on the command line (the process list and shell history would show it): type it at the prompt, pipe it on standard input, or use --password-file');
      }
      const password = options.passwordFile ? await passwordFrom(options.passwordFile) : await output.readSecret!('Password: ');
      const { useCases } = await open();
      const user = await useCases.createAdmin.execute({
        email: options.email, password, name: options.name, role: options.super ? 'SUPER_ADMIN' : 'ADMIN',
      });
      println(command, `Created ${user.role} ${user.email.value} (${user.id})`);
    });
}
