import { ERROR_CODES } from '../../domain/shared/errorCatalogue';
import { Conflict, NotFound } from '../../domain/shared/errors';
import type { DivisionRepository } from '../ports/DivisionRepository';
import type { TourRepository } from '../ports/TourRepository';
import type { UnitOfWork } from '../ports/UnitOfWork';
import type { ImageUploads } from './ImageUploads';

export class DeleteDivision {
  constructor(
    private readonly divisions: DivisionRepository,
    private readonly tours: TourRepository,
    private readonly uploads: ImageUploads,
    private readonly uow: UnitOfWork,
  ) {}

  async execute(id: string): Promise<void> {
    const thumbnail = await this.uow.run(async () => {
      const division = await this.divisions.findById(id);
      if (!division) throw NotFound.of('Division', ERROR_CODES.DIVISION.NOT_FOUND);
      const tours = await this.tours.countReferencing({ divisionId: id });
      if (tours > 0) throw new Conflict(`Division is used by ${tours} tour(s); move or delete them first`, ERROR_CODES.DIVISION.IN_USE);
      await this.divisions.delete(id);
      return division.thumbnail;
    });
    await this.uploads.discard([thumbnail]);
  }
}
