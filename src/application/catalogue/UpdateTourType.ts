import type { TourType } from '../../domain/catalogue/TourType';
import { ERROR_CODES } from '../../domain/shared/errorCatalogue';
import { NotFound } from '../../domain/shared/errors';
import type { Clock } from '../ports/Clock';
import type { TourTypeRepository } from '../ports/TourTypeRepository';
import type { UnitOfWork } from '../ports/UnitOfWork';

export class UpdateTourType {
  constructor(private readonly tourTypes: TourTypeRepository, private readonly clock: Clock, private readonly uow: UnitOfWork) {}

  async execute(id: string, changes: { name?: string }): Promise<TourType> {
    return this.uow.run(async () => {
      const tourType = await this.tourTypes.findById(id);
      if (!tourType) throw NotFound.of('Tour type', ERROR_CODES.TOUR_TYPE.NOT_FOUND);
      if (changes.name !== undefined) tourType.rename(changes.name, this.clock.now());
      await this.tourTypes.save(tourType);
      return tourType;
    });
  }
}
