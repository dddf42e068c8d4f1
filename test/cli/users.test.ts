import { cliHarness } from './cliRuntime';

describe('admin users', () => {
  const cli = cliHarness();

  beforeAll(async () => {
    const root = await cli.getRoot();
    const register = root.useCases.registerUser;
    await register.execute({ name: 'Rahim Uddin', email: 'rahim@example.com', password: 'Str0ng!pass', address: 'Sylhet' });
    await register.execute({ name: 'Karim Khan', email: 'karim@example.com', password: 'Str0ng!pass' });
    await cli.typing('Adm1n!pass', 'create-admin', '--email', 'ops@example.com', '--name', 'Ops');
  });
  afterAll(() => cli.close());

  const dataRows = (stdout: string) => stdout.split('\n').filter((line) => line.startsWith('│') && !line.includes(' id '));

  it('prints every user newest first as a table with a count', async () => {
    const result = await cli.run('users');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/│ id\s+│ name\s+│ email\s+│ role\s+│ status\s+│ verified\s+│ deleted\s+│ created\s+│/);
    const rows = dataRows(result.stdout);
    expect(rows.map((r) => /│ (\S+@example\.com)/.exec(r)?.[1])).toEqual(['ops@example.com', 'karim@example.com', 'rahim@example.com']);
    expect(rows[0]).toMatch(/│ ADMIN\s+│ ACTIVE\s+│ yes\s+│ no/);
    expect(result.stdout).toContain('3 of 3 user(s)');
    // eslint-disable-next-line no-control-regex -- the ANSI escape is what must not be printed
    expect(result.stdout).not.toMatch(/\u001b\[/);
  });

  it('filters by --role and --search, and limits with --limit', async () => {
    const admins = await cli.run('users', '--role', 'ADMIN');
    expect(dataRows(admins.stdout)).toHaveLength(1);
    expect(admins.stdout).toContain('1 of 1 user(s)');
    const search = await cli.run('users', '--search', 'SYLHET');
    expect(dataRows(search.stdout)).toHaveLength(1);
    expect(search.stdout).toContain('rahim@example.com');
    const limited = await cli.run('users', '--limit', '2');
    expect(dataRows(limited.stdout)).toHaveLength(2);
    expect(limited.stdout).toContain('2 of 3 user(s)');
  });

  it.each([
    [['--role', 'KING'], 'Allowed choices are SUPER_ADMIN, ADMIN, GUIDE, USER'],
    [['--limit', '500'], 'must be a whole number from 1 to 100'],
  ])('refuses %j as a usage error', async (args, message) => {
    const result = await cli.run('users', ...args);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe('');
  });
});
