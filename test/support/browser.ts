import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import puppeteer from 'puppeteer-core';
import { realService } from './services';

export interface TestBrowser {
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Headless Chromium for browser tests. `allowThirdPartyCookies` starts it on a fresh profile whose
 * settings allow them, as Chrome's default profile does; this Chromium build blocks them.
 */
export async function launchTestBrowser(options: { allowThirdPartyCookies?: boolean } = {}): Promise<TestBrowser> {
  let profile: string | undefined;
  if (options.allowThirdPartyCookies) {
    profile = fs.mkdtempSync(path.join(os.tmpdir(), 'tourdesk-chromium-'));
    fs.mkdirSync(path.join(profile, 'Default'));
    fs.writeFileSync(path.join(profile, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0 } }));
  }
  const browser = await puppeteer.launch({
    executablePath: realService('chrome')!,
    userDataDir: profile,
    args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  return {
    browser,
    async close() {
      await browser.close();
      if (profile) fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
