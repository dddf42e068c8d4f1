import { ERROR_CODES } from '../../domain/shared/errorCatalogue';
import { Conflict, NotFound } from '../../domain/shared/errors';
import type { SeatLedger } from '../ports/SeatLedger';
import type { TourRepository } from '../ports/TourRepository';
import type { UnitOfWork } from '../ports/UnitOfWork';
import type { ImageUploads } from './ImageUploads';

export class DeleteTour {
  constructor(
    private readonly tours: TourRepository,
    private readonly ledger: SeatLedger,
    private readonly uploads: ImageUploads,
    private readonly uow: UnitOfWork,
  ) {}

  async execute(id: string): Promise<void> {
    const images = await this.uow.run(async () => {
      const tour = await this.tours.findById(id, { forUpdate: true });
      if (!tour) throw NotFound.of('Tour', ERROR_CODES.TOUR.NOT_FOUND);
      if (await this.ledger.hasLiveBookings(id)) {
        throw new Conflict('Tour has pending or completed bookings and cannot be deleted', ERROR_CODES.TOUR.HAS_BOOKINGS);
      }
      await this.tours.delete(id);
      return [...tour.images];
    });
    await this.uploads.discard(images);
  }
}
