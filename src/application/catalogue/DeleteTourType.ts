import { ERROR_CODES } from '../../domain/shared/errorCatalogue';
import { Conflict, NotFound } from '../../domain/shared/errors';
import type { TourRepository } from '../ports/TourRepository';
import type { TourTypeRepository } from '../ports/TourTypeRepository';
import type { UnitOfWork } from '../ports/UnitOfWork';

export class DeleteTourType {
  constructor(private readonly tourTypes: TourTypeRepository, private readonly tours: TourRepository, private readonly uow: UnitOfWork) {}

  async execute(id: string): Promise<void> {
    await this.uow.run(async () => {
      if (!(await this.tourTypes.findById(id))) throw NotFound.of('Tour type', ERROR_CODES.TOUR_TYPE.NOT_FOUND);
      const tours = await this.tours.countReferencing({ tourTypeId: id });
      if (tours > 0) throw new Conflict(`Tour type is used by ${tours} tour(s); change or delete them first`, ERROR_CODES.TOUR_TYPE.IN_USE);
      await this.tourTypes.delete(id);
    });
  }
}
