import { DependencyUnavailable } from '../../src/domain/shared/errors';
import { Argon2PasswordHasher } from '../../src/infrastructure/security/Argon2PasswordHasher';
import { FakePasswordHasher } from '../fakes/FakePasswordHasher';
import { describePasswordHasherContract } from './PasswordHasher.contract';

describePasswordHasherContract('FakePasswordHasher', () => new FakePasswordHasher());
describePasswordHasherContract('Argon2PasswordHasher', () => new Argon2PasswordHasher());
describePasswordHasherContract('Argon2PasswordHasher, one hash at a time', () => new Argon2PasswordHasher(undefined, { maxConcurrent: 1 }));

describe('Argon2PasswordHasher', () => {
  it('stores argon2id hashes', async () => {
    expect(await new Argon2PasswordHasher().hash('Str0ng!pass')).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('runs at most maxConcurrent hashes at once, hands each freed slot to a waiting hash, and frees every slot', async () => {
    const hasher = new Argon2PasswordHasher({ memoryCost: 1024, timeCost: 1, parallelism: 1 }, { maxConcurrent: 2 });
    const runningWhenOneEnded: number[] = [];
    const hashes = Array.from({ length: 8 }, (_, i) => hasher.hash(`Pass!${i}word`).then(() => runningWhenOneEnded.push(hasher.running)));
    // Slots are taken when a hash is asked for, before any of them can finish: two run, six wait.
    expect(hasher.running).toBe(2);
    await Promise.all(hashes);
    // While hashes waited, each freed slot went straight to the next one.
    expect(runningWhenOneEnded.slice(0, 6)).toEqual([2, 2, 2, 2, 2, 2]);
    expect(Math.max(...runningWhenOneEnded)).toBe(2);
    expect(hasher.running).toBe(0);
  });

  it('refuses a hash at once, as DependencyUnavailable, when maxWaiting hashes already wait', async () => {
    const hasher = new Argon2PasswordHasher({ memoryCost: 1024, timeCost: 1, parallelism: 1 }, { maxConcurrent: 1, maxWaiting: 2 });
    const outcomes = await Promise.allSettled(Array.from({ length: 5 }, (_, i) => hasher.hash(`Pass!${i}word`)));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'rejected']);
    expect((outcomes[3] as PromiseRejectedResult).reason).toBeInstanceOf(DependencyUnavailable);
    expect(await hasher.verify(await hasher.hash('Pass!again1'), 'Pass!again1')).toBe(true);
  });
});
