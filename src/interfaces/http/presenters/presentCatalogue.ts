import type { DivisionView } from '../../../application/catalogue/DivisionView';
import type { TourView } from '../../../application/catalogue/TourViews';
import type { TourType } from '../../../domain/catalogue/TourType';
import { Money } from '../../../domain/shared/Money';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function presentDivision({ division, thumbnailUrl }: DivisionView) {
  return {
    _id: division.id,
    id: division.id,
    name: division.name,
    slug: division.slug.value,
    description: division.description,
    thumbnail: thumbnailUrl,
    createdAt: iso(division.createdAt),
    updatedAt: iso(division.updatedAt),
  };
}

export function presentTourType(tourType: TourType) {
  return { _id: tourType.id, id: tourType.id, name: tourType.name, createdAt: iso(tourType.createdAt), updatedAt: iso(tourType.updatedAt) };
}

/** Money in major units with its currency (API.md "Money"); division and tour type as ids plus their names. */
export function presentTour(view: TourView) {
  return {
    _id: view.id,
    id: view.id,
    title: view.title,
    slug: view.slug,
    description: view.description,
    location: view.location,
    costFrom: Money.ofMinor(view.costFrom, view.currency).major,
    currency: view.currency,
    startDate: iso(view.startDate),
    endDate: iso(view.endDate),
    departureLocation: view.departureLocation,
    arrivalLocation: view.arrivalLocation,
    included: view.included,
    excluded: view.excluded,
    amenities: view.amenities,
    tourPlan: view.tourPlan,
    images: view.imageUrls,
    maxGuest: view.maxGuest,
    minAge: view.minAge,
    seatsLeft: view.seatsLeft,
    division: view.divisionId,
    divisionName: view.divisionName,
    tourType: view.tourTypeId,
    tourTypeName: view.tourTypeName,
    createdAt: iso(view.createdAt),
    updatedAt: iso(view.updatedAt),
  };
}
