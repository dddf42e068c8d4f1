import { createHmac, randomBytes } from 'node:crypto';
import type { SecretTokens } from '../../application/ports/SecretTokens';

export class HmacSecretTokens implements SecretTokens {
  constructor(private readonly key: string) {}

  generate(): string {
    return randomBytes(32).toString('base64url');
  }

  hash(token: string): string {
    return createHmac('sha256', this.key).update(token).digest('hex');
  }
}
