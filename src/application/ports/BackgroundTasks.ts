/**
 * Work that must not hold up the answer (mail delivery). `run` returns at once; the adapter logs a
 * failure, the caller never sees it. Start tasks outside `uow.run` and give them only what they need
 * in memory: nothing here is durable, a crash loses the task.
 */
export interface BackgroundTasks {
  run(name: string, task: () => Promise<void>): void;
}
