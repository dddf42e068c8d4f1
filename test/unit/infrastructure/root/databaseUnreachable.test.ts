import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../../../src/infrastructure/config/Config';
import { openDatabase } from '../../../../src/infrastructure/root/buildRoot';
import { freePort } from '../../../support/freePort';

describe('a database that does not answer at start-up', () => {
  test('the failure names DATABASE_URL without its password, and what the driver said', async () => {
    const varDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tourdesk-db-down-'));
    const port = await freePort();
    try {
      const opening = openDatabase(loadConfig({ VAR_DIR: varDir, DATABASE_URL: `mysql://tourdesk:s3cret-pw@127.0.0.1:${port}/tourdesk` }));
      await expect(opening).rejects.toThrow(`the database did not open (DATABASE_URL mysql://127.0.0.1:${port}/tourdesk): connect ECONNREFUSED 127.0.0.1:${port}`);
      await expect(opening).rejects.not.toThrow('s3cret-pw');
    } finally {
      fs.rmSync(varDir, { recursive: true, force: true });
    }
  });

  test('a server that accepts and hangs up is reported the same way', async () => {
    const varDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tourdesk-db-down-'));
    const rude = net.createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => rude.listen(0, '127.0.0.1', resolve));
    const { port } = rude.address() as net.AddressInfo;
    try {
      await expect(openDatabase(loadConfig({ VAR_DIR: varDir, DATABASE_URL: `mysql://root@127.0.0.1:${port}/x` }))).rejects.toThrow(
        `the database did not open (DATABASE_URL mysql://127.0.0.1:${port}/x): `,
      );
    } finally {
      await new Promise((resolve) => rude.close(resolve));
      fs.rmSync(varDir, { recursive: true, force: true });
    }
  });
});
