import { Logger } from '../../application/ports/Logger';

/** Things the process opened (connections, browsers, timers) and must close on shutdown, newest first. */
export class Resources {
  private readonly closers: { name: string; close: () => Promise<void> }[] = [];

  constructor(private readonly logger: Logger) {}

  onShutdown(name: string, close: () => Promise<void>): void {
    this.closers.push({ name, close });
  }

  async closeAll(): Promise<void> {
    for (const { name, close } of this.closers.splice(0).reverse()) {
      try {
        await close();
      } catch (error) {
        this.logger.error({ err: error, resource: name }, 'closing resource failed');
      }
    }
  }
}
