import pino from 'pino';
import type { Logger } from '../../application/ports/Logger';
import { requestContext } from './requestContext';

/** Field names whose values never reach a log line. */
export const REDACTED_PATHS = [
  'password', 'newPassword', 'oldPassword', 'passwordHash', 'otp', 'code', 'token', 'accessToken', 'refreshToken',
  'resetToken', 'secret', 'clientSecret', 'authorization', 'cookie',
  '*.password', '*.newPassword', '*.oldPassword', '*.passwordHash', '*.otp', '*.code', '*.token', '*.accessToken',
  '*.refreshToken', '*.resetToken', '*.secret', '*.clientSecret', '*.authorization', '*.cookie',
  'req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]',
];

export function createPino(level: string, destination?: pino.DestinationStream): pino.Logger {
  return pino(
    {
      level,
      base: { service: 'tourdesk' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
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
