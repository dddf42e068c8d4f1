import type { DivisionView } from '../../../application/catalogue/DivisionView';
import type { TourView } from '../../../application/catalogue/TourViews';
import type { TourType } from '../../../domain/catalogue/TourType';

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
export function presentTour({ tour, divisionName, tourTypeName, seatsLeft, imageUrls }: TourView) {
  const p = tour.toProps();
  return {
    _id: p.id,
    id: p.id,
    title: p.title,
    slug: p.slug.value,
    description: p.description,
    location: p.location,
    costFrom: p.costFrom.major,
    currency: p.costFrom.currency,
    startDate: iso(p.startDate),
    endDate: iso(p.endDate),
    departureLocation: p.departureLocation,
    arrivalLocation: p.arrivalLocation,
    included: p.included,
    excluded: p.excluded,
    amenities: p.amenities,
    tourPlan: p.tourPlan,
    images: imageUrls,
    maxGuest: p.maxGuest,
    minAge: p.minAge,
    seatsLeft,
    division: p.divisionId,
    divisionName,
    tourType: p.tourTypeId,
    tourTypeName,
    createdAt: iso(p.createdAt),
    updatedAt: iso(p.updatedAt),
  };
}
