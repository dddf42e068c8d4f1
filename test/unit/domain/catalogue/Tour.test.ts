import { Division } from '../../../../src/domain/catalogue/Division';
import { Slug } from '../../../../src/domain/catalogue/Slug';
import { TourType } from '../../../../src/domain/catalogue/TourType';
import { Money } from '../../../../src/domain/shared/Money';
import { DivisionMother, TourMother } from '../../../mothers/CatalogueMother';

const now = new Date('2026-03-02T00:00:00.000Z');

describe('Tour', () => {
  it('needs endDate after startDate, at least one guest and a non-negative minimum age', () => {
    expect(() => TourMother.create({ startDate: new Date('2026-06-02'), endDate: new Date('2026-06-01') })).toThrow(expect.objectContaining({ problems: [{ path: 'endDate', message: 'must be after startDate' }] }));
    expect(() => TourMother.create({ startDate: new Date('2026-06-02'), endDate: new Date('2026-06-02') })).toThrow('endDate');
    expect(() => TourMother.create({ maxGuest: 0 })).toThrow('maxGuest');
    expect(() => TourMother.create({ maxGuest: 2.5 })).toThrow('maxGuest');
    expect(() => TourMother.create({ minAge: -1 })).toThrow('minAge');
    expect(() => TourMother.create({ title: ' x ' })).toThrow('title');
    expect(TourMother.create({ startDate: null, endDate: null, minAge: 0 }).maxGuest).toBe(20);
  });

  it('checks dates again when only one side is edited', () => {
    const tour = TourMother.create();
    expect(() => tour.edit({ endDate: new Date('2026-05-01T00:00:00.000Z') }, now)).toThrow('endDate');
    expect(tour.endDate?.toISOString()).toBe('2026-06-04T12:00:00.000Z');
  });

  it('never lets capacity drop below the seats already held', () => {
    const tour = TourMother.create({ maxGuest: 10 });
    expect(() => tour.changeCapacity(5, 6, now)).toThrow(expect.objectContaining({ code: 'TOUR.CAPACITY_BELOW_HELD' }));
    tour.changeCapacity(6, 6, now);
    expect(tour.maxGuest).toBe(6);
    expect(tour.seatsLeft(6)).toBe(0);
    expect(tour.seatsLeft(2)).toBe(4);
    expect(() => tour.changeCapacity(0, 0, now)).toThrow('maxGuest');
  });

  it('keeps its slug on rename unless a new one is given', () => {
    const tour = TourMother.create({ slug: 'old-title' });
    tour.edit({ title: 'New Title' }, now);
    expect(tour.slug.value).toBe('old-title');
    tour.edit({ slug: Slug.restore('new-title') }, now);
    expect(tour.slug.value).toBe('new-title');
  });

  it('removes images named by key or by a URL ending in the key, and says which', () => {
    const tour = TourMother.create({ images: ['tours/a.png', 'tours/b.png', 'tours/c.png'] });
    const removed = tour.removeImages(['http://localhost:5000/files/tours/a.png?expires=1&signature=x', 'tours/c.png'], now);
    expect(removed).toEqual(['tours/a.png', 'tours/c.png']);
    expect(tour.images).toEqual(['tours/b.png']);
    expect(() => tour.removeImages(['tours/zzz.png'], now)).toThrow(expect.objectContaining({ problems: [{ path: 'deleteImages[0]', message: 'is not an image of this tour' }] }));
    expect(() => tour.removeImages(['x/tours/b.png.evil'], now)).toThrow();
  });

  it('keeps money as Money', () => {
    expect(TourMother.create({ costFrom: Money.fromMajor(12500.5, 'BDT') }).costFrom.minor).toBe(1250050);
  });
});

describe('Division and TourType', () => {
  it('keep the slug on rename and hand back the replaced thumbnail', () => {
    const division = DivisionMother.create({ name: 'Barishal', thumbnail: 'divisions/old.png' });
    division.edit({ name: 'Barisal' }, now);
    expect(division.slug.value).toBe('barishal');
    expect(division.replaceThumbnail('divisions/new.png', now)).toBe('divisions/old.png');
    expect(division.thumbnail).toBe('divisions/new.png');
    expect(() => Division.create({ id: 'd', name: 'x', slug: Slug.restore('x'), now })).toThrow('name');
  });

  it('tour type names are 2-120 characters', () => {
    expect(() => TourType.create({ id: 't', name: ' ', now })).toThrow('name');
    const type = TourType.create({ id: 't', name: ' Hiking ', now });
    expect(type.name).toBe('Hiking');
  });
});
