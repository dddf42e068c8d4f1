import type { ObjectLiteral, Repository } from 'typeorm';

/** Slugs in `repo` equal to `base` or `base-<n>`: the candidates `Slug.unique` must avoid. */
export async function slugsLike<T extends ObjectLiteral>(repo: Repository<T>, alias: string, base: string): Promise<string[]> {
  const rows: { slug: string }[] = await repo
    .createQueryBuilder(alias)
    .select(`${alias}.slug`, 'slug')
    .where(`${alias}.slug = :base OR ${alias}.slug LIKE :prefix`, { base, prefix: `${base}-%` })
    .getRawMany();
  const shape = new RegExp(`^${base}(-\\d+)?$`);
  return rows.map((r) => r.slug).filter((slug) => shape.test(slug));
}
