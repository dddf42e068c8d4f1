import { NodeCryptoDigest } from '../../src/infrastructure/security/NodeCryptoDigest';
import { describeDigestContract } from './Digest.contract';

// Pure and cheap, so use-case tests use the real adapter: there is no fake.
describeDigestContract('NodeCryptoDigest', () => new NodeCryptoDigest());
