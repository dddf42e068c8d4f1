import { parseJsonArray } from '../rowValues';
import { In } from 'typeorm';
import type { StoredImageReferences } from '../../../application/ports/StoredImageReferences';
import type { Database } from '../Database';
import { DivisionEntity } from '../entities/DivisionEntity';
import { TourEntity } from '../entities/TourEntity';
import { UserEntity } from '../entities/UserEntity';

/** Bound parameters per `IN (...)`: well under SQLite's and MySQL's limits. */
const IN_CHUNK = 500;

/**
 * `divisions.thumbnail` and `users.picture` hold one key each: matched with `IN` in chunks.
 * `tours.images` is JSON text that no index can search, and a `LIKE '%key%'` per key would
 * scan the table once per key; instead one keyset-paged pass reads only `id` and `images`
 * and intersects them with all the candidate keys: one scan per call, however many keys.
 */
export class TypeOrmStoredImageReferences implements StoredImageReferences {
  /** `tourPage`: tours read per page while scanning `images`. */
  constructor(private readonly db: Database, private readonly tourPage = 500) {}

  async referenced(keys: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    const candidates = new Set(keys);
    if (!candidates.size) return found;
    const unique = [...candidates];
    for (let i = 0; i < unique.length; i += IN_CHUNK) {
      const chunk = unique.slice(i, i + IN_CHUNK);
      const divisions = await this.db.manager().getRepository(DivisionEntity).find({ select: { thumbnail: true }, where: { thumbnail: In(chunk) } });
      const users = await this.db.manager().getRepository(UserEntity).find({ select: { picture: true }, where: { picture: In(chunk) } });
      for (const key of [...divisions.map((d) => d.thumbnail), ...users.map((u) => u.picture)]) if (key) found.add(key);
    }
    if (unique.some((key) => key.startsWith('tours/'))) await this.scanTourImages(candidates, found);
    return found;
  }

  private async scanTourImages(candidates: Set<string>, found: Set<string>): Promise<void> {
    const repo = this.db.manager().getRepository(TourEntity);
    for (let after: string | null = null; ; ) {
      const qb = repo.createQueryBuilder('t').select('t.id', 'id').addSelect('t.images', 'images').orderBy('t.id', 'ASC').limit(this.tourPage);
      if (after !== null) qb.where('t.id > :after', { after });
      const rows: { id: string; images: string | null }[] = await qb.getRawMany();
      for (const row of rows) {
        for (const key of parseJsonArray(row.images)) if (candidates.has(key)) found.add(key);
      }
      if (rows.length < this.tourPage) return;
      after = rows[rows.length - 1].id;
    }
  }
}
