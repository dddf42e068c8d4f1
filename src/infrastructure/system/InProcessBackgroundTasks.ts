import type { BackgroundTasks } from '../../application/ports/BackgroundTasks';
import type { Logger } from '../../application/ports/Logger';

/**
 * Runs tasks in this process, after the caller has moved on. A task started inside a request keeps
 * its AsyncLocalStorage context, so a failure is logged with that request's id. `drain` waits for the
 * tasks in flight (shutdown, tests); a task still running at the deadline is abandoned, with a warning.
 */
export class InProcessBackgroundTasks implements BackgroundTasks {
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly logger: Logger) {}

  run(name: string, task: () => Promise<void>): void {
    const running = Promise.resolve()
      .then(task)
      .catch((error: unknown) => this.logger.error({ err: error, task: name }, 'background task failed'))
      .finally(() => this.inFlight.delete(running));
    this.inFlight.add(running);
  }

  get pending(): number {
    return this.inFlight.size;
  }

  /** Resolves true once nothing is in flight (tasks started meanwhile included), false at the deadline. */
  async drain(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    try {
      while (this.inFlight.size > 0) {
        const settled = await Promise.race([Promise.allSettled([...this.inFlight]).then(() => true), deadline]);
        if (!settled) {
          this.logger.warn({ pending: this.inFlight.size, timeoutMs }, 'background tasks outlived the drain timeout');
          return false;
        }
      }
      return true;
    } finally {
      clearTimeout(timer);
    }
  }
}
