import { randomInt } from 'node:crypto';
import type { CodeGenerator } from '../../application/ports/CodeGenerator';

export class CryptoCodeGenerator implements CodeGenerator {
  sixDigits(): string {
    return String(randomInt(0, 1_000_000)).padStart(6, '0');
  }
}
