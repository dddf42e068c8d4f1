import type { BackgroundTasks } from '../../src/application/ports/BackgroundTasks';

interface UseCase {
  execute(...args: never[]): Promise<unknown>;
}

/**
 * Starts each task at once and keeps it: `settled()` waits for all of them, and `errors` holds what a task
 * threw (the real adapter logs it). `settling(useCase)` makes `await useCase.execute()` also wait for the
 * tasks it started, so use-case tests assert on the outbox and the log right after it.
 */
export class ImmediateBackgroundTasks implements BackgroundTasks {
  readonly errors: { name: string; error: unknown }[] = [];
  private readonly running: Promise<void>[] = [];

  run(name: string, task: () => Promise<void>): void {
    this.running.push(Promise.resolve().then(task).catch((error: unknown) => void this.errors.push({ name, error })));
  }

  async settled(): Promise<void> {
    while (this.running.length > 0) await Promise.all(this.running.splice(0));
  }

  settling<T extends UseCase>(useCase: T): T {
    const execute = useCase.execute.bind(useCase) as (...args: never[]) => Promise<unknown>;
    return Object.assign(Object.create(useCase) as T, {
      execute: async (...args: never[]) => {
        try {
          return await execute(...args);
        } finally {
          await this.settled();
        }
      },
    });
  }
}
