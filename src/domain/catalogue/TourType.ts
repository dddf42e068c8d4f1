import { catalogueName } from './catalogueName';

export interface TourTypeProps {
  id: string;
  name: string;
  createdAt: Date;
  updatedAt: Date;
}

/** A kind of tour (Hiking, Beach, Cultural, ...). Names are unique. */
export class TourType {
  private constructor(private props: TourTypeProps) {}

  static create(input: { id: string; name: string; now: Date }): TourType {
    return new TourType({ id: input.id, name: catalogueName(input.name), createdAt: input.now, updatedAt: input.now });
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
    this.props.name = catalogueName(name);
    this.props.updatedAt = now;
  }
}
