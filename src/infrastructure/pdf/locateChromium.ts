import { accessSync, constants } from 'node:fs';

export const SYSTEM_CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export interface ChromiumLocation {
  source: 'CHROME_PATH' | 'system' | '@sparticuz/chromium' | 'none';
  /** What the start-up log shows. */
  description: string;
  /** The binary to launch; the bundled package unpacks itself on first call. */
  executablePath(): Promise<string>;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function sparticuzInstalled(): boolean {
  try {
    require.resolve('@sparticuz/chromium');
    return true;
  } catch {
    return false;
  }
}

/** `CHROME_PATH`, then the usual system paths, then the optional `@sparticuz/chromium` package. */
export function locateChromium(chromePath: string | null, systemPaths = SYSTEM_CHROMIUM_PATHS, bundled = sparticuzInstalled()): ChromiumLocation {
  if (chromePath) {
    if (!isExecutable(chromePath)) throw new Error(`Invalid configuration: "CHROME_PATH" (${chromePath}) is not an executable file`);
    return { source: 'CHROME_PATH', description: `${chromePath} (CHROME_PATH)`, executablePath: async () => chromePath };
  }
  const system = systemPaths.find(isExecutable);
  if (system) return { source: 'system', description: `${system} (system)`, executablePath: async () => system };
  if (bundled) {
    return {
      source: '@sparticuz/chromium',
      description: '@sparticuz/chromium (bundled, unpacked on first render)',
      executablePath: async () => {
        // Optional dependency, CommonJS; loaded only when nothing better exists.
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- an optional dependency, required only when used
        const chromium = require('@sparticuz/chromium') as { executablePath(): Promise<string> };
        return chromium.executablePath();
      },
    };
  }
  return {
    source: 'none',
    description: 'no Chromium found (set CHROME_PATH or install chromium); PDF renders will fail',
    executablePath: async () => {
      throw new Error('no Chromium found: set CHROME_PATH or install chromium');
    },
  };
}
