import { randomUUID } from 'node:crypto';
import type { StoredImageReferences } from '../../src/application/ports/StoredImageReferences';

export interface StoredImageReferencesSubject {
  references: StoredImageReferences;
  /** Stores a tour, a division or a user pointing at the keys, where the adapter looks. */
  givenTourImages(keys: string[]): Promise<void>;
  givenDivisionThumbnail(key: string): Promise<void>;
  givenUserPicture(key: string): Promise<void>;
}

/** What SweepOrphanImages relies on before it deletes anything: every key a record points at is reported, and nothing else. */
export function describeStoredImageReferencesContract(name: string, make: () => Promise<StoredImageReferencesSubject>): void {
  describe(`StoredImageReferences contract: ${name}`, () => {
    let s: StoredImageReferencesSubject;
    beforeEach(async () => {
      s = await make();
    });
    const key = (folder: string, ext = 'png') => `${folder}/${randomUUID()}.${ext}`;

    test('reports exactly the asked keys that tours, divisions and users point at', async () => {
      const [firstTour, lastTour, spare, thumbnail, picture] = [key('tours'), key('tours', 'webp'), key('tours'), key('divisions'), key('users', 'jpg')];
      for (let i = 0; i < 6; i++) await s.givenTourImages(i === 0 ? [firstTour] : []);
      await s.givenTourImages([spare, lastTour]);
      await s.givenDivisionThumbnail(thumbnail);
      await s.givenUserPicture(picture);
      const asked = [firstTour, lastTour, thumbnail, picture, key('tours'), key('divisions'), key('users'), lastTour.slice(0, -5), 'invoices/INV-2026-000001.pdf'];
      expect([...(await s.references.referenced(asked))].sort()).toEqual([firstTour, lastTour, thumbnail, picture].sort());
    });

    test('answers for many keys at once, and for none', async () => {
      const [tourImage, picture] = [key('tours'), key('users')];
      await s.givenTourImages([tourImage]);
      await s.givenUserPicture(picture);
      const many = Array.from({ length: 1_200 }, () => key('users')).concat(picture, tourImage);
      expect([...(await s.references.referenced(many))].sort()).toEqual([tourImage, picture].sort());
      expect((await s.references.referenced([])).size).toBe(0);
    });

    test('a key a user picture holds as an outside URL is not a stored key, and asking twice for one key answers it once', async () => {
      const picture = key('users');
      await s.givenUserPicture('https://lh3.googleusercontent.com/a/photo');
      await s.givenUserPicture(picture);
      expect([...(await s.references.referenced([picture, picture, 'users/photo']))]).toEqual([picture]);
    });
  });
}
