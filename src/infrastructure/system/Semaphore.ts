/** Thrown instead of waiting when a semaphore's queue is full. */
export class SemaphoreQueueFull extends Error {
  constructor(readonly waiting: number) {
    super(`${waiting} callers are already waiting`);
  }
}

/**
 * A counting semaphore: at most `size` callers run at once, the rest wait in arrival order.
 * With `maxWaiting`, a caller finding that many already waiting is refused at once
 * (SemaphoreQueueFull) rather than joining a queue that only grows under overload.
 */
export class Semaphore {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly size: number, private readonly maxWaiting = Infinity) {
    this.free = size;
  }

  /** Callers holding a slot right now. */
  get running(): number {
    return this.size - this.free;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free -= 1;
    else if (this.waiting.length >= this.maxWaiting) throw new SemaphoreQueueFull(this.waiting.length);
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await work();
    } finally {
      // Hand the slot straight to the next waiter, or free it.
      const next = this.waiting.shift();
      if (next) next();
      else this.free += 1;
    }
  }
}
