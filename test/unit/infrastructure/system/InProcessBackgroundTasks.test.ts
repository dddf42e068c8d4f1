import { Writable } from 'node:stream';
import { createPino, PinoLogger } from '../../../../src/infrastructure/logging/PinoLogger';
import { requestContext } from '../../../../src/infrastructure/logging/requestContext';
import { InProcessBackgroundTasks } from '../../../../src/infrastructure/system/InProcessBackgroundTasks';
import { RecordingLogger } from '../../../fakes/RecordingLogger';
import { gate } from '../../../support/racing';

// What every BackgroundTasks adapter does is in its contract; these are this adapter's own promises.
describe('InProcessBackgroundTasks', () => {
  test('drain waits for the tasks in flight and for tasks they start; pending counts them', async () => {
    const tasks = new InProcessBackgroundTasks(new RecordingLogger());
    const outer = gate();
    const inner = gate();
    const done: string[] = [];
    tasks.run('outer', async () => {
      await outer.opened;
      done.push('outer');
      tasks.run('inner', async () => {
        await inner.opened;
        done.push('inner');
      });
      inner.open();
    });
    expect(tasks.pending).toBe(1);
    const drained = tasks.drain(5_000);
    outer.open();
    await expect(drained).resolves.toBe(true);
    expect(done).toEqual(['outer', 'inner']);
    expect(tasks.pending).toBe(0);
  });

  test('a failure, thrown or rejected, is logged with the task name and the request id of the request that started it', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({ write: (chunk, _enc, next) => void (lines.push(JSON.parse(String(chunk))), next()) });
    const tasks = new InProcessBackgroundTasks(new PinoLogger(createPino('info', sink)));
    const late = gate();
    requestContext.run({ requestId: 'req-42' }, () => {
      tasks.run('sync throw', () => { throw new Error('boom'); });
      tasks.run('rejects', async () => {
        await late.opened;
        throw new Error('late boom');
      });
    });
    late.open();
    await tasks.drain(5_000);
    expect(lines.map((l) => [l.msg, l.task, l.requestId])).toEqual([
      ['background task failed', 'sync throw', 'req-42'],
      ['background task failed', 'rejects', 'req-42'],
    ]);
  });

  describe('with the timers faked', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    test('drain gives up at its deadline, with a warning, and leaves the task running', async () => {
      const logger = new RecordingLogger();
      const tasks = new InProcessBackgroundTasks(logger);
      const slow = gate();
      let finished = false;
      tasks.run('slow', async () => {
        await slow.opened;
        finished = true;
      });
      const draining = tasks.drain(20);
      await jest.advanceTimersByTimeAsync(19);
      expect(logger.at('warn')).toEqual([]);
      await jest.advanceTimersByTimeAsync(1);
      await expect(draining).resolves.toBe(false);
      expect(finished).toBe(false);
      expect(logger.at('warn')).toEqual([expect.objectContaining({ message: 'background tasks outlived the drain timeout', fields: { pending: 1, timeoutMs: 20 } })]);
      slow.open();
      await expect(tasks.drain(5_000)).resolves.toBe(true);
      expect(finished).toBe(true);
    });
  });
});
