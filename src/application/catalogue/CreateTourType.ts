import { TourType } from '../../domain/catalogue/TourType';
import type { Clock } from '../ports/Clock';
import type { IdGenerator } from '../ports/IdGenerator';
import type { TourTypeRepository } from '../ports/TourTypeRepository';
import type { UnitOfWork } from '../ports/UnitOfWork';

export class CreateTourType {
  constructor(private readonly tourTypes: TourTypeRepository, private readonly ids: IdGenerator, private readonly clock: Clock, private readonly uow: UnitOfWork) {}

  async execute(input: { name: string }): Promise<TourType> {
    return this.uow.run(async () => {
      const tourType = TourType.create({ id: this.ids.next(), name: input.name, now: this.clock.now() });
      await this.tourTypes.save(tourType);
      return tourType;
    });
  }
}
