import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawnAppProcess } from '../support/appProcess';
import { startApi } from '../../src/startApi';

/** Files under `dir` this process holds open (Linux: /proc/self/fd). */
function filesOpenUnder(dir: string): string[] {
  return fs.readdirSync('/proc/self/fd').flatMap((fd) => {
    try {
      const target = fs.readlinkSync(`/proc/self/fd/${fd}`);
      return target.startsWith(dir) ? [target] : [];
    } catch {
      return [];
    }
  });
}

describe('starting on a port another process holds', () => {
  let holder: net.Server;
  let port: number;
  let varDir: string;

  beforeEach(async () => {
    holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    port = (holder.address() as net.AddressInfo).port;
    varDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tourdesk-port-in-use-'));
  });

  afterEach(async () => {
    await new Promise((resolve) => holder.close(resolve));
    fs.rmSync(varDir, { recursive: true, force: true });
  });

  it('`npm start` exits 1 with one line naming the port and PORT, not an unhandled error event', async () => {
    const app = spawnAppProcess('src/main.ts', 'never printed', { PORT: String(port), HOST: '127.0.0.1', VAR_DIR: varDir, WORKER_IN_PROCESS: '1' });
    const { code } = await app.exited;
    expect(code).toBe(1);
    expect(app.output()).toContain(`cannot listen on 127.0.0.1:${port}: the port is already in use (another TourDesk?); stop it or set PORT`);
    expect(app.output()).not.toContain("Unhandled 'error' event");
  }, 60_000);

  it('startApi rejects with the same reason and closes the database it opened', async () => {
    const env = { NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: String(port), HOST: '127.0.0.1', VAR_DIR: varDir, WORKER_IN_PROCESS: '0' };
    await expect(startApi(env, { handleSignals: false })).rejects.toThrow(`cannot listen on 127.0.0.1:${port}: the port is already in use`);
    expect(fs.existsSync(path.join(varDir, 'tourdesk.sqlite'))).toBe(true);
    expect(filesOpenUnder(varDir)).toEqual([]);
  });
});

describe('a start-up step after the root is built that fails', () => {
  it('a super admin password the policy refuses: startApi rejects naming the rule and closes the database', async () => {
    const varDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tourdesk-weak-admin-'));
    try {
      const env = { NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1', VAR_DIR: varDir, WORKER_IN_PROCESS: '0', SUPER_ADMIN_EMAIL: 'root@example.com', SUPER_ADMIN_PASSWORD: 'password' };
      await expect(startApi(env, { handleSignals: false })).rejects.toThrow('password must contain an uppercase letter');
      expect(filesOpenUnder(varDir)).toEqual([]);
    } finally {
      fs.rmSync(varDir, { recursive: true, force: true });
    }
  });
});
