import pino from 'pino';
import type { Logger } from '../../application/ports/Logger';
import { redactSecrets } from './redactSecrets';
import { requestContext } from './requestContext';

/**
 * Standard output written asynchronously: a log line no longer blocks the request that wrote it
 * (pino's default destination writes synchronously). Lines are not held back (no minimum length), so
 * whoever reads the output sees each line as soon as the write completes; what is still queued is
 * written synchronously when the process exits.
 */
let stdout: pino.DestinationStream | null = null;

/** One per process, however many roots it builds (tests build many). */
export function asyncStdout(): pino.DestinationStream {
  if (stdout) return stdout;
  const destination = pino.destination({ dest: 1, sync: false });
  process.once('exit', () => {
    try {
      destination.flushSync();
    } catch {
      // Not open yet, or stdout already closed: nothing more can be written.
    }
  });
  stdout = destination;
  return destination;
}

export function createPino(level: string, destination?: pino.DestinationStream): pino.Logger {
  return pino(
    {
      level,
      base: { service: 'tourdesk' },
      formatters: { log: (fields) => redactSecrets(fields) },
      mixin: () => {
        const ctx = requestContext.getStore();
        return ctx ? { requestId: ctx.requestId } : {};
      },
    },
    destination,
  );
}

export class PinoLogger implements Logger {
  constructor(readonly pino: pino.Logger) {}

  info(fields: Record<string, unknown>, message: string): void {
    this.pino.info(fields, message);
  }

  warn(fields: Record<string, unknown>, message: string): void {
    this.pino.warn(fields, message);
  }

  error(fields: Record<string, unknown>, message: string): void {
    this.pino.error(fields, message);
  }
}
