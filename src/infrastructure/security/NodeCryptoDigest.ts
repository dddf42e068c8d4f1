import { createHash } from 'node:crypto';
import type { Digest } from '../../application/ports/Digest';

export class NodeCryptoDigest implements Digest {
  sha256(bytes: Buffer): string {
    return createHash('sha256').update(bytes).digest('hex');
  }
}
