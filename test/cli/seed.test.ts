import { emptyListQuery } from '../../src/application/shared/ListQuery';
import { sniffImageType } from '../../src/domain/catalogue/ImageUpload';
import { cliHarness } from './cliRuntime';

describe('admin seed', () => {
  const cli = cliHarness();
  afterAll(() => cli.close());

  it('creates the eight divisions, tour types and N tours with PNG images, and adds nothing when run again', async () => {
    const first = await cli.run('seed', '--tours', '18');
    expect(first).toMatchObject({ code: 0, stdout: 'Seeded 8 divisions, 6 tour types, 18 tours (existing ones were kept).\n' });
    const again = await cli.run('seed', '--tours', '18');
    expect(again.stdout).toBe('Seeded 0 divisions, 0 tour types, 0 tours (existing ones were kept).\n');

    const { useCases, ports } = await cli.getRoot();
    const divisions = await useCases.listDivisions.execute(emptyListQuery({ limit: 100, sort: [{ field: 'name', direction: 'ASC' }] }));
    expect(divisions.items.map((d) => d.division.name)).toEqual(['Barishal', 'Chattogram', 'Dhaka', 'Khulna', 'Mymensingh', 'Rajshahi', 'Rangpur', 'Sylhet']);
    expect((await useCases.listTourTypes.execute(emptyListQuery())).total).toBe(6);
    const tours = await useCases.listTours.execute(emptyListQuery({ limit: 100 }));
    expect(tours.total).toBe(18);
    expect(new Set(tours.items.map((t) => t.tour.slug.value)).size).toBe(18);
    const storage = ports.objectStorage;
    const image = await storage.get(tours.items[0].tour.images[0]);
    expect(sniffImageType(image!.bytes)).toBe('image/png');
  });

  it('refuses a negative tour count with a usage error', async () => {
    const result = await cli.run('seed', '--tours', '-3');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('--tours');
  });
});
