import type { ImageUrls } from '../catalogue/ImageUrls';
import type { BookingView } from '../ports/BookingRepository';

/** The views with their tours' stored image keys turned into download URLs, as the tour routes show them. */
export async function withTourImageUrls(views: BookingView[], urls: ImageUrls): Promise<BookingView[]> {
  const found = await urls.urls(views.flatMap((view) => view.tour?.images ?? []));
  return views.map((view) => (view.tour ? { ...view, tour: { ...view.tour, images: view.tour.images.map((key) => found.get(key) ?? key) } } : view));
}
