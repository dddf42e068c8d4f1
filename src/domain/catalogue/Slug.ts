import { ValidationFailed } from '../shared/errors';

const SHAPE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_LENGTH = 200;

/** The URL name of a division or tour: lower-case words joined by dashes, unique per kind. */
export class Slug {
  private constructor(readonly value: string) {}

  /** `Cox's Bazar Beach Tour` → `coxs-bazar-beach-tour`; accents folded, anything else dropped. */
  static fromText(text: string, path = 'name'): Slug {
    const value = text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/['’]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, MAX_LENGTH)
      .replace(/-+$/, '');
    if (!value) throw ValidationFailed.field(path, 'must contain at least one letter or digit');
    return new Slug(value);
  }

  static restore(value: string): Slug {
    if (!SHAPE.test(value)) throw ValidationFailed.field('slug', 'is not a valid slug');
    return new Slug(value);
  }

  /** This slug, or the first of `-2`, `-3`, ... that is not `taken` (taken slugs of the same base). */
  unique(taken: Iterable<string>): Slug {
    const used = new Set(taken);
    if (!used.has(this.value)) return this;
    for (let n = 2; ; n++) {
      const candidate = `${this.value}-${n}`;
      if (!used.has(candidate)) return new Slug(candidate);
    }
  }

  toString(): string {
    return this.value;
  }
}
