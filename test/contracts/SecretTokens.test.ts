import { HmacSecretTokens } from '../../src/infrastructure/security/HmacSecretTokens';
import { describeSecretTokensContract } from './SecretTokens.contract';

// Cheap and deterministic under its key, so use-case tests use the real adapter: there is no fake.
describeSecretTokensContract('HmacSecretTokens', (key) => new HmacSecretTokens(key));
