import { Command, CommanderError } from 'commander';
import type { ClassifyFailure } from '../edges';
import type { CliDependencies } from './commands';
import { commandModules } from './commands';
import { errorLine, exitCodeOf } from './exitCodes';
import { readSecret } from './readSecret';
import type { CliOutput, Open } from './types';

/** What the admin program is handed: how to open what its commands call, and how to tell an outage from a failure. */
export interface Cli {
  open: Open<CliDependencies>;
  classifyFailure: ClassifyFailure;
}

const processOutput: CliOutput = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s), readSecret: (prompt) => readSecret(prompt) };

/** The admin program with every command module registered. Nothing runs until it is parsed. */
export function createProgram(open: Open<CliDependencies>, output: CliOutput = processOutput): Command {
  const program = new Command('admin')
    .description('TourDesk admin CLI: runs use cases directly against the configured database and services')
    .configureOutput({ writeOut: output.out, writeErr: output.err })
    .exitOverride()
    .showHelpAfterError('(add --help for usage)');
  for (const module of commandModules) module.register(program, open, output);
  return program;
}

/** Parses `args` (without node and script), runs the command and answers the exit code; never throws. */
export async function runCli(args: string[], cli: Cli, output: CliOutput = processOutput): Promise<number> {
  const program = createProgram(cli.open, output);
  try {
    await program.parseAsync(args, { from: 'user' });
    return 0;
  } catch (thrown) {
    // Commander has already printed its own usage errors (and help, which "fails" with code 0).
    if (thrown instanceof CommanderError) return thrown.exitCode;
    const error = cli.classifyFailure(thrown);
    output.err(`${errorLine(error)}\n`);
    return exitCodeOf(error);
  }
}
