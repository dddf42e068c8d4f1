import type { Command } from 'commander';

/** Opens what commands call (the composition root) on first use, so `--help` and usage errors never open the database. */
export type Open<Dependencies> = () => Promise<Dependencies>;

/** One admin command (or command group): a module in `commands/` listed in `commands/index.ts`, taking what it calls. */
export interface CommandModule<Dependencies> {
  register(program: Command, open: Open<Dependencies>, output: CliOutput): void;
}

export interface CliOutput {
  out: (text: string) => void;
  err: (text: string) => void;
  /** A secret from the operator (a prompt without echo, or standard input); never from the command line. */
  readSecret?: (prompt: string) => Promise<string>;
}

/** Who the admin CLI acts as: an operator at the console holds every right. */
export const CONSOLE_ACTOR = { userId: 'admin-cli', role: 'SUPER_ADMIN' as const };
