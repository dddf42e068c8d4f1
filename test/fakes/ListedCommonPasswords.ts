import type { CommonPasswords } from '../../src/application/ports/CommonPasswords';

/** A handful of the most leaked passwords: enough for use-case tests to meet a refused one. */
export class ListedCommonPasswords implements CommonPasswords {
  private readonly list = new Set(['password', 'p@ssw0rd', 'summer', 'welcome', 'qwerty', 'letmein', 'dragon']);

  includes(candidate: string): boolean {
    return this.list.has(candidate);
  }
}
