import type { HealthCheck } from '../../src/application/ports/HealthCheck';

export interface HealthCheckSubject {
  check: HealthCheck;
  /** Makes the dependency stop answering (stops the server, closes the connection). */
  breakDependency(): Promise<void>;
  close(): Promise<void>;
}

/** What `/ready` relies on from each check: a name to report, success while the dependency answers, a failure (not a hang) once it does not. */
export function describeHealthCheckContract(name: string, expectedName: string, make: () => Promise<HealthCheckSubject>): void {
  describe(`HealthCheck contract: ${name}`, () => {
    let s: HealthCheckSubject;
    beforeEach(async () => {
      s = await make();
    });
    afterEach(async () => {
      await s.close();
    });

    test(`is named "${expectedName}" and passes while the dependency answers, again and again`, async () => {
      expect(s.check.name).toBe(expectedName);
      await expect(s.check.check()).resolves.toBeUndefined();
      await expect(s.check.check()).resolves.toBeUndefined();
    });

    test('fails once the dependency stops answering', async () => {
      await s.check.check();
      await s.breakDependency();
      await expect(s.check.check()).rejects.toThrow();
    });
  });
}
