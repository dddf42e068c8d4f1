import { Writable } from 'node:stream';
import { createPino, PinoLogger } from '../../../../src/infrastructure/logging/PinoLogger';
import { requestContext } from '../../../../src/infrastructure/logging/requestContext';
import { InProcessBackgroundTasks } from '../../../../src/infrastructure/system/InProcessBackgroundTasks';
import { RecordingLogger } from '../../../fakes/RecordingLogger';

const after = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('InProcessBackgroundTasks', () => {
  test('run returns before the task ends; drain waits for it and for tasks it starts', async () => {
    const tasks = new InProcessBackgroundTasks(new RecordingLogger());
    const done: string[] = [];
    tasks.run('outer', async () => {
      await after(30);
      done.push('outer');
      tasks.run('inner', async () => {
        await after(30);
        done.push('inner');
      });
    });
    expect(done).toEqual([]);
    expect(tasks.pending).toBe(1);
    await expect(tasks.drain(5_000)).resolves.toBe(true);
    expect(done).toEqual(['outer', 'inner']);
    expect(tasks.pending).toBe(0);
  });

  test('a failure, thrown or rejected, is logged with the task name and the request id, never thrown', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({ write: (chunk, _enc, next) => void (lines.push(JSON.parse(String(chunk))), next()) });
    const tasks = new InProcessBackgroundTasks(new PinoLogger(createPino('info', sink)));
    requestContext.run({ requestId: 'req-42' }, () => {
      expect(() => tasks.run('sync throw', () => { throw new Error('boom'); })).not.toThrow();
      tasks.run('rejects', async () => {
        await after(5);
        throw new Error('late boom');
      });
    });
    await tasks.drain(5_000);
    expect(lines.map((l) => [l.msg, l.task, l.requestId])).toEqual([
      ['background task failed', 'sync throw', 'req-42'],
      ['background task failed', 'rejects', 'req-42'],
    ]);
  });

  test('drain gives up at its deadline, with a warning, and leaves the task running', async () => {
    const logger = new RecordingLogger();
    const tasks = new InProcessBackgroundTasks(logger);
    let finished = false;
    tasks.run('slow', async () => {
      await after(300);
      finished = true;
    });
    await expect(tasks.drain(20)).resolves.toBe(false);
    expect(finished).toBe(false);
    expect(logger.at('warn')).toEqual([expect.objectContaining({ message: 'background tasks outlived the drain timeout', fields: { pending: 1, timeoutMs: 20 } })]);
    await expect(tasks.drain(5_000)).resolves.toBe(true);
    expect(finished).toBe(true);
  });
});
