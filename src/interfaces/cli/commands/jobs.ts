import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { MAX_OLDER_THAN_MS } from '../../../application/jobs/PurgeDeadJobs';
import type { JobStatus } from '../../../application/ports/JobStore';
import { JOB_STATUSES } from '../../../application/ports/JobStore';
import type { UseCases } from '../../../application/UseCases';
import { ValidationFailed } from '../../../domain/shared/errors';
import { durationOption } from '../durationOption';
import { println, table } from '../output';
import type { Open } from '../types';

function status(value: string): JobStatus {
  if (!(JOB_STATUSES as readonly string[]).includes(value)) throw new InvalidArgumentError(`one of ${JOB_STATUSES.join(', ')}`);
  return value as JobStatus;
}

/** `jobs list | retry | purge-dead`, `expire-holds`: the outbox and seat holds for operators. */
export interface JobsDependencies {
  useCases: Pick<UseCases, 'listJobs' | 'retryJob' | 'purgeDeadJobs' | 'expireHolds'>;
}

export function register(program: Command, open: Open<JobsDependencies>): void {
  const jobs = program.command('jobs').description('Background jobs (the outbox): list them, retry or purge dead ones');

  jobs
    .command('list', { isDefault: true })
    .description('Jobs, newest first')
    .option('--status <status>', `only ${JOB_STATUSES.join(' | ')}`, status)
    .option('--type <type>', 'only this job type')
    .option('--limit <n>', 'at most this many', (v) => Number.parseInt(v, 10), 50)
    .action(async (options: { status?: JobStatus; type?: string; limit: number }, command: Command) => {
      const { useCases } = await open();
      const list = await useCases.listJobs.execute(options);
      const rows = list.map((j) => [j.id, j.type, j.status, `${j.attempts}/${j.maxAttempts}`, j.runAt.toISOString(), (j.lastError ?? '').slice(0, 60)]);
      println(command, table(['id', 'type', 'status', 'attempts', 'runAt', 'last error'], rows));
    });

  jobs
    .command('retry')
    .description('Queue a dead job again with a fresh set of attempts')
    .argument('<jobId>', 'the job id (see `jobs list --status dead`)')
    .action(async (jobId: string, _options: unknown, command: Command) => {
      const { useCases } = await open();
      await useCases.retryJob.execute(jobId);
      println(command, `Job ${jobId} queued again`);
    });

  jobs
    .command('purge-dead')
    .description('Delete dead jobs for good (default: every job dead as of now) and print how many')
    .option('--older-than <duration>', 'only jobs dead for longer than this, e.g. 7d, 12h, 30m')
    .option('--type <type>', 'only this job type')
    .action(async (options: { olderThan?: string; type?: string }, command: Command) => {
      // Checked before the runtime opens, so a typo never touches the database.
      const olderThanMs = options.olderThan === undefined ? undefined : durationOption('--older-than', options.olderThan, { examples: '7d, 12h or 30m', max: { ms: MAX_OLDER_THAN_MS, label: '100000000d' } });
      if (options.type !== undefined && !options.type.trim()) throw ValidationFailed.field('--type', 'must not be empty');
      const { useCases } = await open();
      const { purged, before } = await useCases.purgeDeadJobs.execute({ olderThanMs, type: options.type });
      println(command, `${purged} dead job(s) purged (dead before ${before.toISOString()}${options.type ? `, type ${options.type.trim()}` : ''})`);
    });

  program
    .command('expire-holds')
    .description('Release the seats of PENDING bookings whose hold lapsed (the worker also does this periodically)')
    .action(async (_options: unknown, command: Command) => {
      const { useCases } = await open();
      const { expired } = await useCases.expireHolds.execute();
      println(command, `${expired} booking(s) expired`);
    });
}
