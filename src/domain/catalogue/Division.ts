import { catalogueName } from './catalogueName';
import type { Slug } from './Slug';

export interface DivisionProps {
  id: string;
  name: string;
  slug: Slug;
  description: string | null;
  /** Storage key of the thumbnail image. */
  thumbnail: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** An administrative region tours are grouped by (Dhaka, Sylhet, ...). */
export class Division {
  private constructor(private props: DivisionProps) {}

  /** `slug` must already be unique (see `Slug.unique`). */
  static create(input: { id: string; name: string; slug: Slug; description?: string | null; thumbnail?: string | null; now: Date }): Division {
    return new Division({
      id: input.id,
      name: catalogueName(input.name),
      slug: input.slug,
      description: input.description?.trim() || null,
      thumbnail: input.thumbnail ?? null,
      createdAt: input.now,
      updatedAt: input.now,
    });
  }

  static restore(props: DivisionProps): Division {
    return new Division({ ...props });
  }

  get id(): string { return this.props.id; }
  get name(): string { return this.props.name; }
  get slug(): Slug { return this.props.slug; }
  get description(): string | null { return this.props.description; }
  get thumbnail(): string | null { return this.props.thumbnail; }
  get createdAt(): Date { return this.props.createdAt; }
  get updatedAt(): Date { return this.props.updatedAt; }

  toProps(): DivisionProps {
    return { ...this.props };
  }

  /** The slug stays as it was unless a new one is given: links people shared keep working. */
  edit(changes: { name?: string; description?: string | null; slug?: Slug }, now: Date): void {
    if (changes.name !== undefined) this.props.name = catalogueName(changes.name);
    if (changes.description !== undefined) this.props.description = changes.description?.trim() || null;
    if (changes.slug) this.props.slug = changes.slug;
    this.props.updatedAt = now;
  }

  /** Sets the new thumbnail and returns the key of the one it replaced, for deletion after commit. */
  replaceThumbnail(key: string | null, now: Date): string | null {
    const previous = this.props.thumbnail;
    this.props.thumbnail = key;
    this.props.updatedAt = now;
    return previous !== key ? previous : null;
  }
}
