import { cliHarness } from './cliRuntime';

describe('admin CLI: payment confirm, payment reconcile', () => {
  const cli = cliHarness();
  afterAll(() => cli.close());

  test('payment confirm with a made-up val_id changes nothing and exits non-zero', async () => {
    const run = await cli.run('payment', 'confirm', '--val-id', 'made-up');
    expect(run.code).not.toBe(0);
    expect(run.stdout).toMatch(/^UNVERIFIED \(nothing changed\)/);
    expect(run.stderr).toMatch(/val-id could not be verified/);
  });

  test('payment reconcile with nothing open says so; --older-than takes any duration, 0s included', async () => {
    // Past the 3-day look-back nothing is open any more: an empty run, not an error.
    for (const olderThan of ['0s', '10m', '72h', '30d']) {
      const run = await cli.run('payment', 'reconcile', '--older-than', olderThan);
      expect([run.code, run.stdout]).toEqual([0, `0 open attempt(s) older than ${olderThan} checked: 0 settled, 0 still without a verdict, 0 failed\n`]);
    }
  });

  test('payment reconcile refuses a bad duration with exit code 2, before opening anything', async () => {
    const fresh = cliHarness();
    try {
      for (const [value, problem] of [['ten', /must be a duration like 10m, 1h or 0s/], ['-5m', /must be a duration like/], ['999999999d', /must be at most 100000000d/]] as const) {
        const bad = await fresh.run('payment', 'reconcile', '--older-than', value);
        expect([bad.code, bad.stdout]).toEqual([2, '']);
        expect(bad.stderr).toMatch(problem);
      }
      expect(fresh.opened()).toBe(false);
    } finally {
      await fresh.close();
    }
  });
});
