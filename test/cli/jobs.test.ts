import { cliHarness } from './cliRuntime';

describe('admin CLI: jobs, expire-holds', () => {
  const cli = cliHarness();
  afterAll(() => cli.close());

  test('jobs list shows dead jobs and jobs retry queues one again', async () => {
    const root = await cli.getRoot();
    const uow = root.ports.unitOfWork;
    const store = root.ports.jobStore;
    await uow.run(() => root.ports.jobQueue.enqueue({ type: 'Doomed', payload: { n: 1 }, maxAttempts: 1 }));
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

  test('jobs purge-dead deletes dead jobs (older than --older-than, of --type) and prints how many', async () => {
    const root = await cli.getRoot();
    const uow = root.ports.unitOfWork;
    const store = root.ports.jobStore;
    const day = 86_400_000;
    const deadSince = async (type: string, k: string, daysAgo: number) => {
      const at = new Date(Date.now() - daysAgo * day);
      await uow.run(() => root.ports.jobQueue.enqueue({ type, payload: { k }, runAt: at }));
      const [job] = (await store.claim({ now: at, leaseMs: 60_000, limit: 10, claimToken: `purge-${k}` })).filter((j) => j.payload.k === k);
      await store.fail(job, 'gave up', at, null);
    };
    const dead = async () => (await store.list({ status: 'dead', limit: 100 })).map((j) => String(j.payload.k)).sort();
    await deadSince('Stale', 'stale-old', 10);
    await deadSince('Stale', 'stale-new', 1);
    await deadSince('Other', 'other-old', 10);
    await uow.run(() => root.ports.jobQueue.enqueue({ type: 'Stale', payload: { k: 'queued' }, runAt: new Date(Date.now() + day) }));

    const typed = await cli.run('jobs', 'purge-dead', '--older-than', '7d', '--type', 'Stale');
    expect([typed.code, typed.stderr]).toEqual([0, '']);
    expect(typed.stdout).toMatch(/^1 dead job\(s\) purged \(dead before \S+Z, type Stale\)\n$/);
    expect(await dead()).toEqual(['other-old', 'stale-new']);

    const old = await cli.run('jobs', 'purge-dead', '--older-than', '7d');
    expect([old.code, old.stdout]).toEqual([0, expect.stringMatching(/^1 dead job\(s\) purged/)]);
    expect(await dead()).toEqual(['stale-new']);

    const all = await cli.run('jobs', 'purge-dead');
    expect([all.code, all.stdout]).toEqual([0, expect.stringMatching(/^1 dead job\(s\) purged/)]);
    expect(await dead()).toEqual([]);
    expect((await store.list({ type: 'Stale', limit: 10 })).map((j) => [j.payload.k, j.status])).toEqual([['queued', 'queued']]);

    const none = await cli.run('jobs', 'purge-dead');
    expect([none.code, none.stdout]).toEqual([0, expect.stringMatching(/^0 dead job\(s\) purged/)]);
  });

  test('jobs purge-dead refuses a bad duration or an empty type with exit code 2 and one line, before opening anything', async () => {
    const fresh = cliHarness();
    try {
      for (const value of ['7x', 'seven days', '1.5d', '']) {
        const bad = await fresh.run('jobs', 'purge-dead', '--older-than', value);
        expect([bad.code, bad.stdout]).toEqual([2, '']);
        expect(bad.stderr).toMatch(/^error: --older-than must be a duration like 7d, 12h or 30m \(got ".*"\) \[VALIDATION_FAILED\]\n$/);
      }
      const huge = await fresh.run('jobs', 'purge-dead', '--older-than', '100000001d');
      expect([huge.code, huge.stderr]).toEqual([2, 'error: --older-than must be at most 100000000d [VALIDATION_FAILED]\n']);
      const blank = await fresh.run('jobs', 'purge-dead', '--type', ' ');
      expect([blank.code, blank.stderr]).toEqual([2, 'error: --type must not be empty [VALIDATION_FAILED]\n']);
      expect(fresh.opened()).toBe(false);
    } finally {
      await fresh.close();
    }
  });

  test('jobs purge-dead has --help', async () => {
    const help = await cli.run('jobs', 'purge-dead', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: admin jobs purge-dead [options]');
    expect(help.stdout).toContain('--older-than <duration>');
    expect(help.stdout).toContain('--type <type>');
  });

  test('expire-holds reports how many holds it released', async () => {
    const run = await cli.run('expire-holds');
    expect([run.code, run.stdout.trim()]).toEqual([0, '0 booking(s) expired']);
  });
});
