import { ValidationFailed } from '../shared/errors';

export interface TourTypeProps {
  id: string;
  name: string;
  createdAt: Date;
  updatedAt: Date;
}

function cleanName(name: string): string {
  const value = String(name ?? '').trim();
  if (value.length < 2 || value.length > 120) throw ValidationFailed.field('name', 'must be 2 to 120 characters');
  return value;
}

/** A kind of tour (Hiking, Beach, Cultural, ...). Names are unique. */
export class TourType {
  private constructor(private props: TourTypeProps) {}

  static create(input: { id: string; name: string; now: Date }): TourType {
    return new TourType({ id: input.id, name: cleanName(input.name), createdAt: input.now, updatedAt: input.now });
  }

  static restore(props: TourTypeProps): TourType {
    return new TourType({ ...props });
  }

  get id(): string { return this.props.id; }
  get name(): string { return this.props.name; }
  get createdAt(): Date { return this.props.createdAt; }
  get updatedAt(): Date { return this.props.updatedAt; }

  toProps(): TourTypeProps {
    return { ...this.props };
  }

  rename(name: string, now: Date): void {
    this.props.name = cleanName(name);
    this.props.updatedAt = now;
  }
}
