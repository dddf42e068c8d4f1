import { JwtAccessTokens } from '../../src/infrastructure/security/JwtAccessTokens';
import { FakeClock } from '../fakes/FakeClock';
import { describeAccessTokensContract } from './AccessTokens.contract';

const TTL_MS = 15 * 60_000;

// Cheap and driven by the clock it is given, so use-case tests use the real adapter: there is no fake.
describeAccessTokensContract('JwtAccessTokens', () => {
  const clock = new FakeClock();
  return {
    tokens: new JwtAccessTokens('access-secret-access-secret-access-secret', TTL_MS, clock),
    clock,
    ttlMs: TTL_MS,
    withAnotherKey: () => new JwtAccessTokens('another-secret-another-secret-another', TTL_MS, clock),
  };
});
