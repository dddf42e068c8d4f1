import { ContainerModule } from 'inversify';
import { CreateDivision } from '../../application/catalogue/CreateDivision';
import { CreateTour } from '../../application/catalogue/CreateTour';
import { CreateTourType } from '../../application/catalogue/CreateTourType';
import { DeleteDivision } from '../../application/catalogue/DeleteDivision';
import { DeleteTour } from '../../application/catalogue/DeleteTour';
import { DeleteTourType } from '../../application/catalogue/DeleteTourType';
import { GetDivision } from '../../application/catalogue/GetDivision';
import { GetTour } from '../../application/catalogue/GetTour';
import { ImageUploads } from '../../application/catalogue/ImageUploads';
import { ImageUrlPolicy, ImageUrls } from '../../application/catalogue/ImageUrls';
import { ListDivisions } from '../../application/catalogue/ListDivisions';
import { ListTours } from '../../application/catalogue/ListTours';
import { ListTourTypes } from '../../application/catalogue/ListTourTypes';
import { SweepOrphanImages } from '../../application/catalogue/SweepOrphanImages';
import { TourViews } from '../../application/catalogue/TourViews';
import { UpdateDivision } from '../../application/catalogue/UpdateDivision';
import { UpdateTour } from '../../application/catalogue/UpdateTour';
import { UpdateTourType } from '../../application/catalogue/UpdateTourType';
import { TOKENS as T } from '../../application/ports/tokens';
import { Config } from '../config/Config';
import { Database } from '../persistence/Database';
import { TypeOrmDivisionRepository } from '../persistence/repositories/TypeOrmDivisionRepository';
import { TypeOrmSeatLedger } from '../persistence/repositories/TypeOrmSeatLedger';
import { TypeOrmStoredImageReferences } from '../persistence/repositories/TypeOrmStoredImageReferences';
import { TypeOrmTourRepository } from '../persistence/repositories/TypeOrmTourRepository';
import { TypeOrmTourTypeRepository } from '../persistence/repositories/TypeOrmTourTypeRepository';
import { single } from './bindings';

/**
 * Image URLs stay valid at least 6 hours (a browsing session, not forever) and are the same for a
 * whole hour, so browsers cache the images (docs/adr/0010-existing-front-ends.md).
 */
export const IMAGE_URL_POLICY: ImageUrlPolicy = { ttlSeconds: 6 * 3600, windowSeconds: 3600 };

export function catalogueModule(config: Config): ContainerModule {
  return new ContainerModule(({ bind }) => {
    single(bind, T.DivisionRepository, (c) => new TypeOrmDivisionRepository(c.get(Database)));
    single(bind, T.TourTypeRepository, (c) => new TypeOrmTourTypeRepository(c.get(Database)));
    single(bind, T.TourRepository, (c) => new TypeOrmTourRepository(c.get(Database)));
    single(bind, T.SeatLedger, (c) => new TypeOrmSeatLedger(c.get(Database)));
    single(bind, T.StoredImageReferences, (c) => new TypeOrmStoredImageReferences(c.get(Database)));

    single(bind, ImageUploads, (c) => new ImageUploads(c.get(T.ObjectStorage), c.get(T.IdGenerator), c.get(T.Logger)));
    single(bind, ImageUrls, (c) => new ImageUrls(c.get(T.ObjectStorage), c.get(T.Clock), IMAGE_URL_POLICY));
    single(bind, TourViews, (c) => new TourViews(c.get(T.DivisionRepository), c.get(T.TourTypeRepository), c.get(T.SeatLedger), c.get(ImageUrls), c.get(T.Clock)));

    single(bind, CreateDivision, (c) =>
      new CreateDivision(c.get(T.DivisionRepository), c.get(ImageUploads), c.get(ImageUrls), c.get(T.IdGenerator), c.get(T.Clock), c.get(T.UnitOfWork)));
    single(bind, UpdateDivision, (c) => new UpdateDivision(c.get(T.DivisionRepository), c.get(ImageUploads), c.get(ImageUrls), c.get(T.Clock), c.get(T.UnitOfWork)));
    single(bind, DeleteDivision, (c) => new DeleteDivision(c.get(T.DivisionRepository), c.get(T.TourRepository), c.get(ImageUploads), c.get(T.UnitOfWork)));
    single(bind, GetDivision, (c) => new GetDivision(c.get(T.DivisionRepository), c.get(ImageUrls)));
    single(bind, ListDivisions, (c) => new ListDivisions(c.get(T.DivisionRepository), c.get(ImageUrls)));

    single(bind, CreateTourType, (c) => new CreateTourType(c.get(T.TourTypeRepository), c.get(T.IdGenerator), c.get(T.Clock), c.get(T.UnitOfWork)));
    single(bind, UpdateTourType, (c) => new UpdateTourType(c.get(T.TourTypeRepository), c.get(T.Clock), c.get(T.UnitOfWork)));
    single(bind, DeleteTourType, (c) => new DeleteTourType(c.get(T.TourTypeRepository), c.get(T.TourRepository), c.get(T.UnitOfWork)));
    single(bind, ListTourTypes, (c) => new ListTourTypes(c.get(T.TourTypeRepository)));

    single(bind, CreateTour, (c) =>
      new CreateTour(
        c.get(T.TourRepository), c.get(T.DivisionRepository), c.get(T.TourTypeRepository), c.get(ImageUploads), c.get(TourViews),
        c.get(T.IdGenerator), c.get(T.Clock), c.get(T.UnitOfWork), config.business.currency,
      ));
    single(bind, UpdateTour, (c) =>
      new UpdateTour(
        c.get(T.TourRepository), c.get(T.DivisionRepository), c.get(T.TourTypeRepository), c.get(T.BookingRepository), c.get(ImageUploads), c.get(TourViews),
        c.get(T.Clock), c.get(T.UnitOfWork),
      ));
    single(bind, DeleteTour, (c) => new DeleteTour(c.get(T.TourRepository), c.get(T.SeatLedger), c.get(ImageUploads), c.get(T.UnitOfWork)));
    single(bind, GetTour, (c) => new GetTour(c.get(T.TourRepository), c.get(TourViews)));
    single(bind, ListTours, (c) => new ListTours(c.get(T.TourRepository), c.get(TourViews)));
    single(bind, SweepOrphanImages, (c) => new SweepOrphanImages(c.get(T.ObjectStorage), c.get(T.StoredImageReferences), c.get(T.Clock), c.get(T.Logger)));
  });
}
