import type { Logger } from '../../application/ports/Logger';

interface Closer {
  name: string;
  close: () => Promise<void>;
}

/**
 * Things the process opened (connections, browsers, timers) and must close on shutdown, newest first.
 * Closers registered with `first` (workers draining their jobs) run before all the others, because what
 * they finish still needs the rest; lazily created resources (a browser launched on the first render)
 * register after them and would otherwise close under them.
 */
export class Resources {
  private readonly drains: Closer[] = [];
  private readonly closers: Closer[] = [];

  constructor(private readonly logger: Logger) {}

  onShutdown(name: string, close: () => Promise<void>, options: { first?: boolean } = {}): void {
    (options.first ? this.drains : this.closers).push({ name, close });
  }

  async closeAll(): Promise<void> {
    const order = [...this.drains.splice(0).reverse(), ...this.closers.splice(0).reverse()];
    for (const { name, close } of order) {
      try {
        await close();
      } catch (error) {
        this.logger.error({ err: error, resource: name }, 'closing resource failed');
      }
    }
  }
}
