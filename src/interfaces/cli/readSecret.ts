import readline from 'node:readline';
import { Writable } from 'node:stream';

/**
 * A secret typed at a prompt that does not echo it (a terminal), or the first line of standard
 * input (a pipe: `printf '%s\n' "$PW" | npm run admin -- create-admin ...`). Either way it never
 * appears on the command line, where the process list and shell history would show it.
 */
export async function readSecret(prompt: string, input: NodeJS.ReadableStream & { isTTY?: boolean } = process.stdin, echo: NodeJS.WritableStream = process.stderr): Promise<string> {
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  if (input.isTTY) echo.write(prompt);
  const lines = readline.createInterface({ input, output: input.isTTY ? silent : undefined, terminal: Boolean(input.isTTY) });
  try {
    for await (const line of lines) return line;
    return '';
  } finally {
    lines.close();
    if (input.isTTY) echo.write('\n');
  }
}
