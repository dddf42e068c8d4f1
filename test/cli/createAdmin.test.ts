import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { readSecret } from '../../src/interfaces/cli/readSecret';
import { cliHarness } from './cliRuntime';

describe('admin create-admin', () => {
  const cli = cliHarness();
  afterAll(() => cli.close());

  it('creates a verified admin with the password typed at the prompt, and says so on one line', async () => {
    const result = await cli.typing('Adm1n!pass', 'create-admin', '--email', 'Ops@Example.com', '--name', 'Ops Team');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^Created ADMIN ops@example\.com \([0-9a-f-]{36}\)\n$/);
    const root = await cli.getRoot();
    const user = await root.ports.userRepository.findByEmail('ops@example.com');
    expect(user?.toProps()).toMatchObject({ name: 'Ops Team', role: 'ADMIN', isVerified: true, status: 'ACTIVE' });
    await expect(root.useCases.loginUser.execute({ email: 'ops@example.com', password: 'Adm1n!pass' })).resolves.toHaveProperty('accessToken');
  });

  it('creates a super admin with --super, the password read from --password-file', async () => {
    const file = path.join(cli.varDir, 'boss-password');
    fs.writeFileSync(file, 'B0ss!pass\n', { mode: 0o600 });
    const result = await cli.run('create-admin', '--email', 'boss@example.com', '--password-file', file, '--super');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Created SUPER_ADMIN boss@example.com');
    const root = await cli.getRoot();
    await expect(root.useCases.loginUser.execute({ email: 'boss@example.com', password: 'B0ss!pass' })).resolves.toHaveProperty('accessToken');
  });

  it('refuses --password on the command line, saying where the password goes instead, before opening anything', async () => {
    const fresh = cliHarness();
    try {
      const result = await fresh.run('create-admin', '--email', 'x@example.com', '--password', 'Adm1n!pass');
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/password is not taken on the command line .*prompt.*standard input.*--password-file/);
      expect(fresh.opened()).toBe(false);
    } finally {
      await fresh.close();
    }
  });

  it('fails with exit code 5 and one error line for a taken email', async () => {
    const result = await cli.typing('Adm1n!pass', 'create-admin', '--email', 'ops@example.com');
    expect(result.code).toBe(5);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('error: A user with this email already exists [USER.ALREADY_EXISTS]\n');
  });

  it('fails with exit code 2 naming the field for a weak or leaked password, a bad email or an unreadable file', async () => {
    const weak = await cli.typing('weak', 'create-admin', '--email', 'new@example.com');
    expect(weak.code).toBe(2);
    expect(weak.stderr).toMatch(/^error: password must .* \[VALIDATION_FAILED\]\n$/);
    const leaked = await cli.typing('P@ssw0rd', 'create-admin', '--email', 'new@example.com');
    expect(leaked.code).toBe(2);
    expect(leaked.stderr).toContain('password is too common');
    const bad = await cli.typing('Adm1n!pass', 'create-admin', '--email', 'not-an-email');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('email must be a valid email address');
    const missing = await cli.run('create-admin', '--email', 'new@example.com', '--password-file', path.join(cli.varDir, 'nope'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('password-file cannot be read');
  });
});

describe('readSecret', () => {
  it('takes the first line of piped standard input, without prompting', async () => {
    const stdin = new PassThrough();
    const echo = new PassThrough();
    let shown = '';
    echo.on('data', (chunk) => (shown += chunk));
    stdin.end('S3cret!line\nignored\n');
    expect(await readSecret('Password: ', stdin, echo)).toBe('S3cret!line');
    expect(shown).toBe('');
  });

  it('prompts on a terminal and does not echo what is typed', async () => {
    const tty = Object.assign(new PassThrough(), { isTTY: true });
    const echo = new PassThrough();
    let shown = '';
    echo.on('data', (chunk) => (shown += chunk));
    setImmediate(() => tty.write('Typed!S3cret\n'));
    expect(await readSecret('Password: ', tty, echo)).toBe('Typed!S3cret');
    expect(shown).toBe('Password: \n');
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
