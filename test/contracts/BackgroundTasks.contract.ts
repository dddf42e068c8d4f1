import type { BackgroundTasks } from '../../src/application/ports/BackgroundTasks';

export interface BackgroundTasksSubject {
  tasks: BackgroundTasks;
  /** Waits until every task started so far has ended. */
  settled(): Promise<void>;
  /** The task names whose failure the adapter recorded (logged, for the real one). */
  failures(): string[];
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  return { promise: new Promise<void>((r) => (resolve = r)), resolve };
}

/** What ForgotPassword and the mail senders rely on: `run` hands the work off and returns; a failure is recorded, never thrown at the caller. */
export function describeBackgroundTasksContract(name: string, make: () => BackgroundTasksSubject): void {
  describe(`BackgroundTasks contract: ${name}`, () => {
    let s: BackgroundTasksSubject;
    beforeEach(() => {
      s = make();
    });

    test('run returns before the task has run; the task runs all the same', async () => {
      const steps: string[] = [];
      const gate = deferred();
      s.tasks.run('send mail', async () => {
        steps.push('started');
        await gate.promise;
        steps.push('finished');
      });
      steps.push('caller moved on');
      expect(steps).toEqual(['caller moved on']);
      gate.resolve();
      await s.settled();
      expect(steps).toEqual(['caller moved on', 'started', 'finished']);
    });

    test('a task that throws or rejects never reaches the caller; its failure is recorded under its name', async () => {
      expect(() => s.tasks.run('throws at once', () => { throw new Error('boom'); })).not.toThrow();
      expect(() => s.tasks.run('rejects later', async () => { await Promise.resolve(); throw new Error('late boom'); })).not.toThrow();
      await s.settled();
      expect(s.failures().sort()).toEqual(['rejects later', 'throws at once']);
    });

    test('tasks run side by side: a slow one does not hold up the next', async () => {
      const slow = deferred();
      const done: string[] = [];
      s.tasks.run('slow', async () => {
        await slow.promise;
        done.push('slow');
      });
      s.tasks.run('quick', async () => void done.push('quick'));
      await new Promise<void>((resolve) => setImmediate(resolve));
      expect(done).toEqual(['quick']);
      slow.resolve();
      await s.settled();
      expect(done).toEqual(['quick', 'slow']);
    });
  });
}
