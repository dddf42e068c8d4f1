import fs from 'node:fs';
import path from 'node:path';
import { UserMother } from '../mothers/UserMother';
import { cliHarness } from './cliRuntime';

describe('admin CLI: storage sweep', () => {
  const cli = cliHarness();
  afterAll(() => cli.close());

  /** Puts an object in the default (local directory) storage, last modified `hoursAgo`. */
  async function stored(key: string, hoursAgo: number): Promise<void> {
    const root = await cli.getRoot();
    await root.ports.objectStorage.put(key, Buffer.from(key), 'image/png');
    const at = new Date(Date.now() - hoursAgo * 3600_000);
    fs.utimesSync(path.join(cli.varDir, 'storage', 'objects', ...key.split('/')), at, at);
  }

  const exists = async (key: string) => (await cli.getRoot()).ports.objectStorage.exists(key);

  test('a dry run counts, a sweep deletes old unreferenced images only, --grace widens the window', async () => {
    const root = await cli.getRoot();
    await root.ports.userRepository.save(UserMother.create({ picture: 'users/kept.png' }));
    await stored('users/kept.png', 5);
    await stored('tours/orphan.png', 2);
    await stored('divisions/three-hours.png', 3);
    await stored('tours/fresh.png', 0);
    await stored('invoices/INV-1.pdf', 48);

    const dry = await cli.run('storage', 'sweep', '--dry-run');
    expect([dry.code, dry.stderr]).toEqual([0, '']);
    expect(dry.stdout).toBe('2 orphaned image(s) would be deleted (dry run); 4 scanned, 1 referenced, 1 younger than 1h\n');
    expect(await exists('tours/orphan.png')).toBe(true);

    const wide = await cli.run('storage', 'sweep', '--grace', '150m');
    expect([wide.code, wide.stdout]).toEqual([0, '1 orphaned image(s) deleted; 4 scanned, 1 referenced, 2 younger than 150m\n']);
    expect(await exists('divisions/three-hours.png')).toBe(false);
    expect(await exists('tours/orphan.png')).toBe(true);

    const swept = await cli.run('storage', 'sweep');
    expect([swept.code, swept.stdout]).toEqual([0, '1 orphaned image(s) deleted; 3 scanned, 1 referenced, 1 younger than 1h\n']);
    for (const [key, kept] of [['tours/orphan.png', false], ['users/kept.png', true], ['tours/fresh.png', true], ['invoices/INV-1.pdf', true]] as const) {
      expect([key, await exists(key)]).toEqual([key, kept]);
    }
  });

  test('a bad or too short --grace is exit code 2 with one line, before opening anything', async () => {
    const fresh = cliHarness();
    try {
      for (const value of ['1x', 'an hour', '']) {
        const bad = await fresh.run('storage', 'sweep', '--grace', value);
        expect([bad.code, bad.stdout]).toEqual([2, '']);
        expect(bad.stderr).toMatch(/^error: --grace must be a duration like 1h, 90m or 2d \(got ".*"\) \[VALIDATION_FAILED\]\n$/);
      }
      const short = await fresh.run('storage', 'sweep', '--grace', '30s');
      expect([short.code, short.stderr]).toEqual([2, 'error: --grace must be at least 1m [VALIDATION_FAILED]\n']);
      expect(fresh.opened()).toBe(false);
    } finally {
      await fresh.close();
    }
  });
});
