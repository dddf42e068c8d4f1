import { demoLandscapePng } from '../src/interfaces/cli/png';
import { ThrowawayMariaDb } from '../test/support/throwawayMariaDb';
import { login } from './support';

export const TOURS = 100;

export interface SeededCatalogue {
  /** The list query measured: one division, sorted by cost descending, the second page of 10. */
  listQuery: string;
  /** A tour's slug, for the detail route. */
  slug: string;
}

/** Creates 2 divisions, 2 tour types and 100 tours (each with one image) through the API. */
export async function seedCatalogue(url: string): Promise<SeededCatalogue> {
  const token = await login(url);
  const post = async (route: string, body: unknown) => {
    const response = await fetch(`${url}/api/v1${route}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const json = (await response.json()) as { data: { id: string } };
    if (response.status !== 201) throw new Error(`seeding ${route} failed: ${response.status} ${JSON.stringify(json)}`);
    return json.data;
  };
  const divisions = [await post('/division/create', { name: 'Chattogram' }), await post('/division/create', { name: 'Sylhet' })];
  const types = [await post('/tour/create-tour-type', { name: 'Hiking' }), await post('/tour/create-tour-type', { name: 'Beach' })];
  const png = demoLandscapePng(1, 32, 20);
  for (let i = 0; i < TOURS; i++) {
    const form = new FormData();
    form.append('data', JSON.stringify({
      title: `Bench Tour ${i}`, description: `Tour number ${i} with a description long enough to look real.`, location: i % 2 ? 'Rangamati' : 'Srimangal',
      costFrom: 1000 + ((i * 737) % 20000), maxGuest: 10 + (i % 20), startDate: new Date(Date.UTC(2026, i % 12, 1 + (i % 27))).toISOString(),
      included: ['Transport', 'Guide'], division: divisions[i % 2].id, tourType: types[i % 2].id,
    }));
    form.append('files', new Blob([png], { type: 'image/png' }), 'tour.png');
    const response = await fetch(`${url}/api/v1/tour/create`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    if (response.status !== 201) throw new Error(`seeding tour ${i} failed: ${response.status} ${await response.text()}`);
  }
  const slug = ((await (await fetch(`${url}/api/v1/tour?limit=1&sort=title`)).json()) as { data: { slug: string }[] }).data[0].slug;
  return { listQuery: `division=${divisions[0].id}&sort=-costFrom&limit=10&page=2`, slug };
}

/** DATABASE_URL when given (its server is used as is), else a throwaway mariadbd started here and stopped after. */
export async function mariaDbUrl(): Promise<{ url: string; stop(): Promise<void> } | null> {
  const given = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  if (given) return { url: given, stop: async () => undefined };
  if (!ThrowawayMariaDb.available()) return null;
  try {
    const server = await ThrowawayMariaDb.start();
    return { url: server.url, stop: () => server.destroy() };
  } catch (error) {
    console.log(`MariaDB could not start: ${(error as Error).message}`);
    return null;
  }
}
