import { Command } from 'commander';
import { Runtime } from '../../infrastructure/container/buildContainer';

/** Builds the container on first use, so `--help` and usage errors never open the database. */
export type GetRuntime = () => Promise<Runtime>;

/** One admin command (or command group): a module in `commands/` listed in `commands/index.ts`. */
export interface CommandModule {
  register(program: Command, getRuntime: GetRuntime, output: CliOutput): void;
}

export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
  /** A secret from the operator (a prompt without echo, or standard input); never from the command line. */
  readSecret?(prompt: string): Promise<string>;
}

/** Who the admin CLI acts as: an operator at the console holds every right. */
export const CONSOLE_ACTOR = { userId: 'admin-cli', role: 'SUPER_ADMIN' as const };
