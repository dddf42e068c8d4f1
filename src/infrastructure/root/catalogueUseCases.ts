import { CreateDivision } from '../../application/catalogue/CreateDivision';
import { CreateTour } from '../../application/catalogue/CreateTour';
import { CreateTourType } from '../../application/catalogue/CreateTourType';
import { DeleteDivision } from '../../application/catalogue/DeleteDivision';
import { DeleteTour } from '../../application/catalogue/DeleteTour';
import { DeleteTourType } from '../../application/catalogue/DeleteTourType';
import { GetDivision } from '../../application/catalogue/GetDivision';
import { GetTour } from '../../application/catalogue/GetTour';
import { ListDivisions } from '../../application/catalogue/ListDivisions';
import { ListTours } from '../../application/catalogue/ListTours';
import { ListTourTypes } from '../../application/catalogue/ListTourTypes';
import { SweepOrphanImages } from '../../application/catalogue/SweepOrphanImages';
import { UpdateDivision } from '../../application/catalogue/UpdateDivision';
import { UpdateTour } from '../../application/catalogue/UpdateTour';
import { UpdateTourType } from '../../application/catalogue/UpdateTourType';
import type { Ports } from '../../application/ports/Ports';
import type { UseCases } from '../../application/UseCases';
import type { Config } from '../config/Config';
import type { Factories } from './lazy';
import type { Services } from './services';

type CatalogueUseCases = Pick<
  UseCases,
  | 'imageUrls' | 'createDivision' | 'updateDivision' | 'deleteDivision' | 'getDivision' | 'listDivisions'
  | 'createTourType' | 'updateTourType' | 'deleteTourType' | 'listTourTypes'
  | 'createTour' | 'updateTour' | 'deleteTour' | 'getTour' | 'listTours' | 'sweepOrphanImages'
>;

export function catalogueUseCases(config: Config, p: Ports, s: Services): Factories<CatalogueUseCases, UseCases> {
  return {
    imageUrls: () => s.imageUrls,
    createDivision: () => new CreateDivision(p.divisionRepository, s.imageUploads, s.imageUrls, p.idGenerator, p.clock, p.unitOfWork),
    updateDivision: () => new UpdateDivision(p.divisionRepository, s.imageUploads, s.imageUrls, p.clock, p.unitOfWork),
    deleteDivision: () => new DeleteDivision(p.divisionRepository, p.tourRepository, s.imageUploads, p.unitOfWork),
    getDivision: () => new GetDivision(p.divisionRepository, s.imageUrls),
    listDivisions: () => new ListDivisions(p.divisionRepository, s.imageUrls),
    createTourType: () => new CreateTourType(p.tourTypeRepository, p.idGenerator, p.clock, p.unitOfWork),
    updateTourType: () => new UpdateTourType(p.tourTypeRepository, p.clock, p.unitOfWork),
    deleteTourType: () => new DeleteTourType(p.tourTypeRepository, p.tourRepository, p.unitOfWork),
    listTourTypes: () => new ListTourTypes(p.tourTypeRepository),
    createTour: () =>
      new CreateTour(p.tourRepository, p.divisionRepository, p.tourTypeRepository, s.imageUploads, s.tourViews, p.idGenerator, p.clock, p.unitOfWork, config.business.currency),
    updateTour: () =>
      new UpdateTour(p.tourRepository, p.divisionRepository, p.tourTypeRepository, p.bookingRepository, s.imageUploads, s.tourViews, p.clock, p.unitOfWork),
    deleteTour: () => new DeleteTour(p.tourRepository, p.seatLedger, s.imageUploads, p.unitOfWork),
    getTour: () => new GetTour(s.tourViews),
    listTours: () => new ListTours(s.tourViews),
    sweepOrphanImages: () => new SweepOrphanImages(p.objectStorage, p.storedImageReferences, p.clock, p.logger),
  };
}
