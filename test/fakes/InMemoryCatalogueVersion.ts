import type { CatalogueVersion } from '../../src/application/ports/CatalogueVersion';

/** A counter that test code moves when it changes the catalogue; one process, so no memo to lapse. */
export class InMemoryCatalogueVersion implements CatalogueVersion {
  private version = 0;

  changed(): void {
    this.version += 1;
  }

  async current(): Promise<string> {
    return String(this.version);
  }
}
