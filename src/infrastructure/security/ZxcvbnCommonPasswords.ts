import { dictionary } from '@zxcvbn-ts/language-common';
import type { CommonPasswords } from '../../application/ports/CommonPasswords';

/** The ~49,000 most common leaked passwords shipped with zxcvbn-ts, held in a set once first asked. */
export class ZxcvbnCommonPasswords implements CommonPasswords {
  private list: Set<string> | null = null;

  includes(candidate: string): boolean {
    this.list ??= new Set(dictionary['passwords-common']);
    return this.list.has(candidate);
  }
}
