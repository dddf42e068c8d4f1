import type { DataVersion } from '../../src/application/ports/DataVersion';

/** A counter that test code moves when it changes the data set; one process, so no memo to lapse. */
export class InMemoryDataVersion implements DataVersion {
  private version = 0;

  changed(): void {
    this.version += 1;
  }

  async current(): Promise<string> {
    return String(this.version);
  }

  known(): string | null {
    return String(this.version);
  }
}
