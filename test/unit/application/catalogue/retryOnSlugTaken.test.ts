import { SLUG_ATTEMPTS, retryOnSlugTaken } from '../../../../src/application/catalogue/retryOnSlugTaken';
import { SlugTaken } from '../../../../src/domain/catalogue/SlugTaken';
import { Conflict } from '../../../../src/domain/shared/errors';

describe('retryOnSlugTaken', () => {
  test('runs the transaction again while its slug was taken, and returns the first success', async () => {
    let runs = 0;
    const result = await retryOnSlugTaken(async () => {
      runs++;
      if (runs < 3) throw new SlugTaken('taken', 'TOUR.ALREADY_EXISTS');
      return `slug-${runs}`;
    });
    expect([result, runs]).toEqual(['slug-3', 3]);
  });

  test('gives up after a bounded number of attempts with the SlugTaken conflict', async () => {
    let runs = 0;
    const failing = retryOnSlugTaken(async () => {
      runs++;
      throw new SlugTaken('taken', 'TOUR.ALREADY_EXISTS');
    });
    await expect(failing).rejects.toBeInstanceOf(SlugTaken);
    expect(runs).toBe(SLUG_ATTEMPTS);
  });

  test('any other conflict (a taken name) is final at once', async () => {
    let runs = 0;
    const failing = retryOnSlugTaken(async () => {
      runs++;
      throw new Conflict('A division with this name already exists', 'DIVISION.ALREADY_EXISTS');
    });
    await expect(failing).rejects.toMatchObject({ name: 'Conflict', code: 'DIVISION.ALREADY_EXISTS' });
    expect(runs).toBe(1);
  });
});
