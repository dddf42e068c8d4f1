import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { Presets, SingleBar } from 'cli-progress';
import { emptyListQuery } from '../../../application/shared/ListQuery';
import type { UseCases } from '../../../application/UseCases';
import { Slug } from '../../../domain/catalogue/Slug';
import { NotFound } from '../../../domain/shared/errors';
import { println } from '../output';
import { demoLandscapePng } from '../png';
import type { Open } from '../types';

const DIVISIONS: [string, string][] = [
  ['Dhaka', 'The capital: Mughal forts, river ghats and the busiest food streets in the country.'],
  ['Chattogram', "Hill tracts, Cox's Bazar's endless beach and Saint Martin's coral island."],
  ['Sylhet', 'Tea estates, the Ratargul swamp forest and the clear waters of Jaflong.'],
  ['Khulna', 'Gateway to the Sundarbans, home of the Bengal tiger.'],
  ['Rajshahi', 'Mango orchards, silk and the ruins of Paharpur.'],
  ['Barishal', 'Floating guava markets and a thousand river channels.'],
  ['Rangpur', 'Tajhat palace and quiet villages of the north.'],
  ['Mymensingh', 'The Garo hills and the old Brahmaputra.'],
];

const TOUR_TYPES = ['Hiking', 'Beach', 'Cultural', 'River Cruise', 'Wildlife', 'Food Walk'];

const TOURS: [title: string, division: string, type: string, location: string, cost: number][] = [
  ['Sajek Valley Escape', 'Chattogram', 'Hiking', 'Rangamati', 12500],
  ["Cox's Bazar Sunset Weekend", 'Chattogram', 'Beach', "Cox's Bazar", 9800],
  ['Saint Martin Coral Island', 'Chattogram', 'Beach', 'Teknaf', 15500],
  ['Bandarban Nilgiri Trek', 'Chattogram', 'Hiking', 'Bandarban', 11000],
  ['Sundarbans Mangrove Safari', 'Khulna', 'Wildlife', 'Mongla', 18500],
  ['Ratargul Swamp Forest Boat', 'Sylhet', 'River Cruise', 'Gowainghat', 4500],
  ['Srimangal Tea Trails', 'Sylhet', 'Hiking', 'Srimangal', 6800],
  ['Jaflong Stone River Day', 'Sylhet', 'River Cruise', 'Jaflong', 3900],
  ['Old Dhaka Food Walk', 'Dhaka', 'Food Walk', 'Old Dhaka', 1500],
  ['Sonargaon Heritage Day', 'Dhaka', 'Cultural', 'Narayanganj', 3000],
  ['Paharpur Buddhist Vihara', 'Rajshahi', 'Cultural', 'Naogaon', 5200],
  ['Barishal Floating Market', 'Barishal', 'River Cruise', 'Swarupkathi', 4800],
  ['Kuakata Sunrise and Sunset', 'Barishal', 'Beach', 'Kuakata', 8900],
  ['Tajhat Palace and Villages', 'Rangpur', 'Cultural', 'Rangpur', 3500],
  ['Garo Hills Retreat', 'Mymensingh', 'Hiking', 'Birishiri', 6200],
  ['Rajshahi Mango Season', 'Rajshahi', 'Food Walk', 'Chapai Nawabganj', 4200],
];

const positive = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 10_000) throw new InvalidArgumentError('must be a whole number from 0 to 10000');
  return n;
};

const image = (seed: number) => {
  const bytes = demoLandscapePng(seed);
  return { name: `demo-${seed}.png`, size: bytes.length, read: async () => bytes };
};

async function exists(lookup: () => Promise<unknown>): Promise<boolean> {
  try {
    await lookup();
    return true;
  } catch (error) {
    if (error instanceof NotFound) return false;
    throw error;
  }
}

/** `seed --tours N`: a demo catalogue (Bangladesh divisions, tour types, N tours with images). Running it again adds nothing. */
export interface SeedDependencies {
  useCases: Pick<UseCases, 'getDivision' | 'createDivision' | 'listTourTypes' | 'createTourType' | 'getTour' | 'createTour'>;
}

export function register(program: Command, open: Open<SeedDependencies>): void {
  program
    .command('seed')
    .description('Create a demo catalogue: the 8 divisions, tour types and N tours with generated images (idempotent)')
    .option('--tours <n>', 'how many tours', positive, 20)
    .action(async (options: { tours: number }, command: Command) => {
      const { useCases } = await open();
      const { getDivision, createDivision, listTourTypes, createTourType, getTour, createTour } = useCases;
      const bar = new SingleBar({ format: 'seeding [{bar}] {value}/{total} {step}', stream: process.stderr, hideCursor: true }, Presets.shades_classic);
      bar.start(DIVISIONS.length + TOUR_TYPES.length + options.tours, 0, { step: '' });
      const created = { divisions: 0, tourTypes: 0, tours: 0 };
      try {
        const divisionIds = new Map<string, string>();
        for (const [i, [name, description]] of DIVISIONS.entries()) {
          const slug = Slug.fromText(name).value;
          if (!(await exists(() => getDivision.execute(slug)))) {
            await createDivision.execute({ name, description }, image(100 + i));
            created.divisions += 1;
          }
          divisionIds.set(name, (await getDivision.execute(slug)).division.id);
          bar.increment({ step: name });
        }
        const typeIds = new Map<string, string>();
        for (const name of TOUR_TYPES) {
          const found = (await listTourTypes.execute(emptyListQuery({ filters: { name } }))).items[0];
          typeIds.set(name, found?.id ?? (await createTourType.execute({ name })).id);
          if (!found) created.tourTypes += 1;
          bar.increment({ step: name });
        }
        for (let i = 0; i < options.tours; i++) {
          const [base, division, type, location, cost] = TOURS[i % TOURS.length];
          const round = Math.floor(i / TOURS.length);
          const title = round ? `${base} — Departure ${round + 1}` : base;
          if (!(await exists(() => getTour.execute(Slug.fromText(title).value)))) {
            const start = new Date(Date.UTC(new Date().getUTCFullYear() + 1, (i * 5) % 12, 1 + (i % 27), 3));
            await createTour.execute(
              {
                title, location, costFrom: cost + round * 250, maxGuest: 8 + (i % 5) * 4, minAge: i % 3 === 0 ? 12 : 0,
                description: `${base}: a ${type.toLowerCase()} tour around ${location}.`,
                startDate: start, endDate: new Date(start.getTime() + (1 + (i % 4)) * 86_400_000),
                departureLocation: 'Dhaka', arrivalLocation: 'Dhaka',
                included: ['Transport', 'Guide', 'Accommodation'], excluded: ['Personal expenses'], amenities: ['First aid'],
                tourPlan: [`Day 1: Dhaka to ${location}`, `Day 2: Explore ${location}`],
                division: divisionIds.get(division)!, tourType: typeIds.get(type)!,
              },
              [image(i * 3), image(i * 3 + 1)],
            );
            created.tours += 1;
          }
          bar.increment({ step: title });
        }
      } finally {
        bar.stop();
      }
      println(command, `Seeded ${created.divisions} divisions, ${created.tourTypes} tour types, ${created.tours} tours (existing ones were kept).`);
    });
}
