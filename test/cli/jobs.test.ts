import { JobQueue } from '../../src/application/ports/JobQueue';
import { JobStore } from '../../src/application/ports/JobStore';
import { UnitOfWork } from '../../src/application/ports/UnitOfWork';
import { TOKENS } from '../../src/application/ports/tokens';
import { cliHarness } from './cliRuntime';

describe('admin CLI: jobs, expire-holds, payment confirm', () => {
  const cli = cliHarness();
  afterAll(() => cli.close());

  test('jobs list shows dead jobs and jobs retry queues one again', async () => {
    const runtime = await cli.getRuntime();
    const uow = runtime.container.get<UnitOfWork>(TOKENS.UnitOfWork);
    const store = runtime.container.get<JobStore>(TOKENS.JobStore);
    await uow.run(() => runtime.container.get<JobQueue>(TOKENS.JobQueue).enqueue({ type: 'Doomed', payload: { n: 1 }, maxAttempts: 1 }));
    const [job] = await store.claim({ now: new Date(Date.now() + 1000), leaseMs: 60_000, limit: 10, claimToken: 'cli-test' });
    await store.fail(job, 'it broke', new Date(), null);

    const listed = await cli.run('jobs', 'list', '--status', 'dead');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(job.id);
    expect(listed.stdout).toContain('it broke');

    const retried = await cli.run('jobs', 'retry', job.id);
    expect([retried.code, retried.stdout.trim()]).toEqual([0, `Job ${job.id} queued again`]);
    expect((await store.list({ status: 'queued', limit: 10 })).map((j) => j.id)).toContain(job.id);

    const again = await cli.run('jobs', 'retry', job.id);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/not dead/);
    expect((await cli.run('jobs', 'list', '--status', 'zombie')).code).not.toBe(0);
  });

  test('expire-holds reports how many holds it released', async () => {
    const run = await cli.run('expire-holds');
    expect([run.code, run.stdout.trim()]).toEqual([0, '0 booking(s) expired']);
  });

  test('payment confirm with a made-up val_id changes nothing and exits non-zero', async () => {
    const run = await cli.run('payment', 'confirm', '--val-id', 'made-up');
    expect(run.code).not.toBe(0);
    expect(run.stdout).toMatch(/^UNVERIFIED \(nothing changed\)/);
    expect(run.stderr).toMatch(/val-id could not be verified/);
  });
});
