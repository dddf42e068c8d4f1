import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cliDependencies } from '../../../src/handOver';
import { loadConfig } from '../../../src/infrastructure/config/Config';
import { createPino, PinoLogger } from '../../../src/infrastructure/logging/PinoLogger';
import { withDatabaseOutageClassified } from '../../../src/infrastructure/persistence/databaseUnavailable';
import type { Root } from '../../../src/infrastructure/root/buildRoot';
import { buildRoot } from '../../../src/infrastructure/root/buildRoot';
import { runCli } from '../../../src/interfaces/cli/program';

describe('admin CLI: block, unblock, role', () => {
  let varDir: string;
  let runtime: Root;
  let opened = 0;
  const open = async () => {
    opened += 1;
    return cliDependencies(runtime);
  };

  async function admin(...args: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const code = await runCli(args, { open, classifyFailure: withDatabaseOutageClassified }, { out: (s) => (out += s), err: (s) => (err += s) });
    return { code, out, err };
  }

  const statusOf = async (email: string) => {
    const user = await runtime.ports.userRepository.findByEmail(email);
    return [user!.role, user!.status];
  };

  beforeAll(async () => {
    varDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tourdesk-cli-'));
    runtime = await buildRoot(loadConfig({ NODE_ENV: 'test', VAR_DIR: varDir }), { ports: { logger: new PinoLogger(createPino('silent')) } });
    await runtime.useCases.createAdmin.execute({ email: 'ops@example.com', password: 'Adm1n!pass', name: 'Ops' });
  });

  afterAll(async () => {
    await runtime.close();
    fs.rmSync(varDir, { recursive: true, force: true });
  });

  it('block: the account can no longer log in and its refresh token stops working', async () => {
    const session = await runtime.useCases.loginUser.execute({ email: 'ops@example.com', password: 'Adm1n!pass' });

    const result = await admin('block', '--email', 'OPS@example.com');

    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toMatch(/^Blocked ops@example\.com \(.+\): role ADMIN, status BLOCKED\n$/);
    expect(await statusOf('ops@example.com')).toEqual(['ADMIN', 'BLOCKED']);
    await expect(runtime.useCases.refreshAccessToken.execute(session.refreshToken)).rejects.toThrow();
    await expect(runtime.useCases.loginUser.execute({ email: 'ops@example.com', password: 'Adm1n!pass' })).rejects.toThrow('User is blocked');
  });

  it('unblock: the account is ACTIVE and can log in again', async () => {
    const result = await admin('unblock', '--email', 'ops@example.com');

    expect(result.code).toBe(0);
    expect(result.out).toContain('Unblocked ops@example.com');
    expect(await statusOf('ops@example.com')).toEqual(['ADMIN', 'ACTIVE']);
    await expect(runtime.useCases.loginUser.execute({ email: 'ops@example.com', password: 'Adm1n!pass' })).resolves.toBeDefined();
  });

  it('role: changes the role; an unknown role is a usage error that changes nothing', async () => {
    const result = await admin('role', '--email', 'ops@example.com', '--role', 'GUIDE');
    expect(result.code).toBe(0);
    expect(result.out).toContain('role GUIDE, status ACTIVE');
    expect(await statusOf('ops@example.com')).toEqual(['GUIDE', 'ACTIVE']);

    const bad = await admin('role', '--email', 'ops@example.com', '--role', 'EMPEROR');
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain("option '--role <role>' argument 'EMPEROR' is invalid");
    expect(await statusOf('ops@example.com')).toEqual(['GUIDE', 'ACTIVE']);
  });

  it('fails with the NotFound exit code and the error code for an unknown email, and 2 for a malformed one', async () => {
    const missing = await admin('block', '--email', 'ghost@example.com');
    expect(missing.code).toBe(4);
    expect(missing.err).toMatch(/^error: User not found/);
    expect(missing.out).toBe('');

    const malformed = await admin('unblock', '--email', 'not-an-email');
    expect(malformed.code).toBe(2);
  });

  it('requires --email and --role, and documents each command under --help without opening the runtime', async () => {
    const before = opened;
    expect((await admin('block')).code).not.toBe(0);
    expect((await admin('role', '--email', 'ops@example.com')).err).toContain("required option '--role <role>' not specified");
    for (const command of ['block', 'unblock', 'role']) {
      const help = await admin(command, '--help');
      expect(help.code).toBe(0);
      expect(help.out).toContain(`Usage: admin ${command} [options]`);
      expect(help.out).toContain('--email <email>');
    }
    expect(opened).toBe(before);
  });
});
