import { LoginUser } from '../../src/application/auth/LoginUser';
import { UserRepository } from '../../src/application/ports/UserRepository';
import { TOKENS } from '../../src/application/ports/tokens';
import { cliHarness } from './cliRuntime';

describe('admin create-admin', () => {
  const cli = cliHarness();
  afterAll(() => cli.close());

  it('creates a verified admin who can log in, and says so on one line', async () => {
    const result = await cli.run('create-admin', '--email', 'Ops@Example.com', '--password', 'Adm1n!pass', '--name', 'Ops Team');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^Created ADMIN ops@example\.com \([0-9a-f-]{36}\)\n$/);
    const runtime = await cli.getRuntime();
    const user = await runtime.container.get<UserRepository>(TOKENS.UserRepository).findByEmail('ops@example.com');
    expect(user?.toProps()).toMatchObject({ name: 'Ops Team', role: 'ADMIN', isVerified: true, status: 'ACTIVE' });
    await expect(runtime.container.get(LoginUser).execute({ email: 'ops@example.com', password: 'Adm1n!pass' })).resolves.toHaveProperty('accessToken');
  });

  it('creates a super admin with --super', async () => {
    const result = await cli.run('create-admin', '--email', 'boss@example.com', '--password', 'B0ss!pass', '--super');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Created SUPER_ADMIN boss@example.com');
  });

  it('fails with exit code 5 and one error line for a taken email', async () => {
    const result = await cli.run('create-admin', '--email', 'ops@example.com', '--password', 'Adm1n!pass');
    expect(result.code).toBe(5);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('error: A user with this email already exists [USER.ALREADY_EXISTS]\n');
  });

  it('fails with exit code 2 naming the field for a weak password or a bad email', async () => {
    const weak = await cli.run('create-admin', '--email', 'new@example.com', '--password', 'weak');
    expect(weak.code).toBe(2);
    expect(weak.stderr).toMatch(/^error: password must .* \[VALIDATION_FAILED\]\n$/);
    const bad = await cli.run('create-admin', '--email', 'not-an-email', '--password', 'Adm1n!pass');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('email must be a valid email address');
  });

  it('refuses a missing --password as a usage error, before opening anything', async () => {
    const fresh = cliHarness();
    try {
      const result = await fresh.run('create-admin', '--email', 'x@example.com');
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain("required option '--password <password>' not specified");
      expect(fresh.opened()).toBe(false);
    } finally {
      await fresh.close();
    }
  });
});

describe('admin CLI', () => {
  it('lists its commands in --help with exit code 0', async () => {
    const cli = cliHarness();
    try {
      const result = await cli.run('--help');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('create-admin');
      expect(result.stdout).toContain('users');
    } finally {
      await cli.close();
    }
  });

  it('fails on an unknown command', async () => {
    const cli = cliHarness();
    try {
      const result = await cli.run('frobnicate');
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("unknown command 'frobnicate'");
    } finally {
      await cli.close();
    }
  });

  it('reports an invalid configuration in one line with exit code 1', async () => {
    const cli = cliHarness({ PORT: 'abc' });
    try {
      const result = await cli.run('users');
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^error: Invalid configuration: "PORT" must be a number\n$/);
    } finally {
      await cli.close().catch(() => undefined);
    }
  });
});
