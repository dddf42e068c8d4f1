import { Writable } from 'node:stream';
import { PinoLogger, createPino } from '../../src/infrastructure/logging/PinoLogger';
import { RecordingLogger } from '../fakes/RecordingLogger';
import type { LoggedLine} from './Logger.contract';
import { describeLoggerContract } from './Logger.contract';

describeLoggerContract('RecordingLogger', () => {
  const logger = new RecordingLogger();
  return { logger, lines: () => logger.entries.map(({ level, message, fields }) => ({ level, message, fields })) };
});

const PINO_LEVELS: Record<number, LoggedLine['level']> = { 30: 'info', 40: 'warn', 50: 'error' };

describeLoggerContract('PinoLogger', () => {
  const written: string[] = [];
  const sink = new Writable({ write: (chunk, _enc, next) => void (written.push(String(chunk)), next()) });
  return {
    logger: new PinoLogger(createPino('info', sink)),
    lines: () => written.join('').split('\n').filter(Boolean).map((raw) => {
      const { level, msg, time: _time, pid: _pid, hostname: _host, service: _service, ...fields } = JSON.parse(raw) as Record<string, unknown>;
      return { level: PINO_LEVELS[level as number], message: String(msg), fields };
    }),
  };
});
