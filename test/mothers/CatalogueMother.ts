import { Division } from '../../src/domain/catalogue/Division';
import { Slug } from '../../src/domain/catalogue/Slug';
import type { TourDetails } from '../../src/domain/catalogue/Tour';
import { Tour } from '../../src/domain/catalogue/Tour';
import { TourType } from '../../src/domain/catalogue/TourType';
import { Money } from '../../src/domain/shared/Money';

let n = 0;
const next = () => ++n;
const at = new Date('2026-03-01T10:00:00.000Z');

export const DivisionMother = {
  create(overrides: Partial<{ id: string; name: string; slug: string; description: string | null; thumbnail: string | null; now: Date }> = {}): Division {
    const i = next();
    const name = overrides.name ?? `Division ${i}`;
    return Division.create({
      id: overrides.id ?? `division-${i}`,
      name,
      slug: Slug.restore(overrides.slug ?? Slug.fromText(name).value),
      description: overrides.description ?? `About ${name}`,
      thumbnail: overrides.thumbnail ?? null,
      now: overrides.now ?? at,
    });
  },
};

export const TourTypeMother = {
  create(overrides: Partial<{ id: string; name: string; now: Date }> = {}): TourType {
    const i = next();
    return TourType.create({ id: overrides.id ?? `tour-type-${i}`, name: overrides.name ?? `Type ${i}`, now: overrides.now ?? at });
  },
};

export const TourMother = {
  details(overrides: Partial<TourDetails> = {}): TourDetails {
    return {
      title: 'Sundarbans Mangrove Safari',
      description: 'Three days on the water among the mangroves',
      location: 'Khulna',
      costFrom: Money.ofMinor(1_250_000, 'BDT'),
      startDate: new Date('2026-06-01T03:00:00.000Z'),
      endDate: new Date('2026-06-04T12:00:00.000Z'),
      departureLocation: 'Khulna launch ghat',
      arrivalLocation: 'Khulna launch ghat',
      included: ['Meals', 'Boat'],
      excluded: ['Flights'],
      amenities: ['Life jackets'],
      tourPlan: ['Day 1: Karamjal', 'Day 2: Kotka'],
      minAge: 8,
      divisionId: 'division-x',
      tourTypeId: 'tour-type-x',
      ...overrides,
    };
  },
  create(overrides: Partial<TourDetails> & { id?: string; slug?: string; maxGuest?: number; images?: string[]; now?: Date } = {}): Tour {
    const i = next();
    const { id, slug, maxGuest, images, now, ...details } = overrides;
    const merged = TourMother.details(details);
    return Tour.create({
      ...merged,
      id: id ?? `tour-${i}`,
      slug: Slug.restore(slug ?? `${Slug.fromText(merged.title).value}-${i}`),
      maxGuest: maxGuest ?? 20,
      images: images ?? [],
      now: now ?? at,
    });
  },
};
