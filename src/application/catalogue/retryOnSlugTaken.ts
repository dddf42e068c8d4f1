import { SlugTaken } from '../../domain/catalogue/SlugTaken';

/**
 * Attempts for one create. Creates racing for the same base slug all read the same free slug and
 * one wins per round, so n simultaneous creates need up to n attempts; five covers a realistic burst.
 */
export const SLUG_ATTEMPTS = 5;

/**
 * Runs `transaction` (which reads the taken slugs and picks the next free one) again when another
 * create inserted that slug between the read and the insert. Any other Conflict (a taken name) is final.
 */
export async function retryOnSlugTaken<T>(transaction: () => Promise<T>, attempts = SLUG_ATTEMPTS): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (error) {
      if (!(error instanceof SlugTaken) || attempt >= attempts) throw error;
    }
  }
}
