import type { CodeGenerator } from '../../src/application/ports/CodeGenerator';

/** Predictable codes: the given ones first, then 100001, 100002, ... */
export class SequentialCodes implements CodeGenerator {
  private n = 100_000;
  private readonly queued: string[];

  constructor(...codes: string[]) {
    this.queued = codes;
  }

  sixDigits(): string {
    return this.queued.shift() ?? String(++this.n);
  }
}
