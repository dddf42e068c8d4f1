import { capacityCovers, seatsLeft } from '../booking/SeatPolicy';
import type { Money } from '../shared/Money';
import { ERROR_CODES } from '../shared/errorCatalogue';
import { Conflict, ValidationFailed } from '../shared/errors';
import type { Slug } from './Slug';

export interface TourDetails {
  title: string;
  description: string | null;
  location: string | null;
  costFrom: Money;
  startDate: Date | null;
  endDate: Date | null;
  departureLocation: string | null;
  arrivalLocation: string | null;
  included: string[];
  excluded: string[];
  amenities: string[];
  tourPlan: string[];
  minAge: number | null;
  divisionId: string;
  tourTypeId: string;
}

export interface TourProps extends TourDetails {
  id: string;
  slug: Slug;
  /** Storage keys, in display order. */
  images: string[];
  maxGuest: number;
  createdAt: Date;
  updatedAt: Date;
}

export type TourChanges = Partial<TourDetails> & { slug?: Slug };

const LIST_FIELDS = ['included', 'excluded', 'amenities', 'tourPlan'] as const;

function checked(details: TourDetails): TourDetails {
  const title = String(details.title ?? '').trim();
  if (title.length < 2 || title.length > 200) throw ValidationFailed.field('title', 'must be 2 to 200 characters');
  if (details.startDate && details.endDate && details.endDate.getTime() <= details.startDate.getTime()) {
    throw ValidationFailed.field('endDate', 'must be after startDate');
  }
  if (details.minAge !== null && (!Number.isInteger(details.minAge) || details.minAge < 0 || details.minAge > 120)) {
    throw ValidationFailed.field('minAge', 'must be a whole number from 0 to 120');
  }
  const lists = Object.fromEntries(
    LIST_FIELDS.map((field) => [field, (details[field] ?? []).map((item) => String(item).trim()).filter(Boolean)]),
  ) as Pick<TourDetails, (typeof LIST_FIELDS)[number]>;
  const text = (value: string | null) => value?.trim() || null;
  return {
    ...details,
    ...lists,
    title,
    description: text(details.description),
    location: text(details.location),
    departureLocation: text(details.departureLocation),
    arrivalLocation: text(details.arrivalLocation),
  };
}

function checkedCapacity(maxGuest: number): number {
  if (!Number.isInteger(maxGuest) || maxGuest < 1 || maxGuest > 100_000) {
    throw ValidationFailed.field('maxGuest', 'must be a whole number of at least 1');
  }
  return maxGuest;
}

/** A bookable tour. Seats left are derived from bookings (`seatsLeft(seatsHeld)`), never stored. */
export class Tour {
  private constructor(private props: TourProps) {}

  /** `slug` must already be unique (see `Slug.unique`). */
  static create(input: TourDetails & { id: string; slug: Slug; maxGuest: number; images?: string[]; now: Date }): Tour {
    const { id, slug, maxGuest, images, now, ...details } = input;
    return new Tour({ ...checked(details), id, slug, maxGuest: checkedCapacity(maxGuest), images: [...(images ?? [])], createdAt: now, updatedAt: now });
  }

  static restore(props: TourProps): Tour {
    return new Tour({ ...props, images: [...props.images] });
  }

  get id(): string { return this.props.id; }
  get title(): string { return this.props.title; }
  get slug(): Slug { return this.props.slug; }
  get costFrom(): Money { return this.props.costFrom; }
  get maxGuest(): number { return this.props.maxGuest; }
  get images(): readonly string[] { return this.props.images; }
  get divisionId(): string { return this.props.divisionId; }
  get tourTypeId(): string { return this.props.tourTypeId; }
  get startDate(): Date | null { return this.props.startDate; }
  get endDate(): Date | null { return this.props.endDate; }
  get createdAt(): Date { return this.props.createdAt; }
  get updatedAt(): Date { return this.props.updatedAt; }

  toProps(): TourProps {
    return { ...this.props, images: [...this.props.images] };
  }

  seatsLeft(seatsHeld: number): number {
    return seatsLeft(this.props.maxGuest, seatsHeld);
  }

  /** The slug stays as it was unless a new one is given, so shared links keep working. */
  edit(changes: TourChanges, now: Date): void {
    const { slug, ...rest } = changes;
    const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Partial<TourDetails>;
    const next = checked({ ...this.props, ...defined });
    this.props = { ...this.props, ...next, ...(slug ? { slug } : {}), updatedAt: now };
  }

  /** Capacity may shrink, but never below the seats bookings already hold. */
  changeCapacity(maxGuest: number, seatsHeld: number, now: Date): void {
    checkedCapacity(maxGuest);
    if (!capacityCovers(maxGuest, seatsHeld)) {
      throw new Conflict(`maxGuest cannot be ${maxGuest}: ${seatsHeld} seats are already held`, ERROR_CODES.TOUR.CAPACITY_BELOW_HELD);
    }
    this.props.maxGuest = maxGuest;
    this.props.updatedAt = now;
  }

  addImages(keys: string[], now: Date): void {
    this.props.images.push(...keys);
    this.props.updatedAt = now;
  }

  /**
   * Removes images named by key or by a URL that ends in the key (clients send back the URLs
   * they were given). Returns the removed keys, to delete from storage after commit.
   */
  removeImages(refs: string[], now: Date): string[] {
    const removed = refs.map((ref, i) => {
      const path = ref.split(/[?#]/)[0];
      const key = this.props.images.find((k) => path === k || path.endsWith(`/${k}`));
      if (!key) throw ValidationFailed.field(`deleteImages[${i}]`, 'is not an image of this tour');
      return key;
    });
    const gone = new Set(removed);
    this.props.images = this.props.images.filter((k) => !gone.has(k));
    this.props.updatedAt = now;
    return [...gone];
  }
}
