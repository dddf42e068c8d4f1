import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, createTable } from './schema';

export class Catalogue1763900001000 implements MigrationInterface {
  name = 'Catalogue1763900001000';

  async up(runner: QueryRunner): Promise<void> {
    await createTable(
      runner,
      'divisions',
      [col.id(), col.text('name', 120), col.text('slug', 140), col.longText('description'), col.text('thumbnail', 500, true), col.time('createdAt'), col.time('updatedAt')],
      [{ columns: ['slug'], unique: true }, { columns: ['name'], unique: true }, { columns: ['createdAt'] }],
    );
    await createTable(
      runner,
      'tour_types',
      [col.id(), col.text('name', 120), col.time('createdAt'), col.time('updatedAt')],
      [{ columns: ['name'], unique: true }, { columns: ['createdAt'] }],
    );
    await createTable(
      runner,
      'tours',
      [
        col.id(),
        col.text('title', 200),
        col.text('slug', 220),
        col.longText('description'),
        col.text('location', 200, true),
        // integer minor units (poisha/cents) of `currency`
        col.int('costFrom'),
        col.text('currency', 3),
        col.time('startDate', true),
        col.time('endDate', true),
        col.text('departureLocation', 200, true),
        col.text('arrivalLocation', 200, true),
        // JSON arrays stored as text: portable across MySQL and SQLite
        col.longText('included'),
        col.longText('excluded'),
        col.longText('amenities'),
        col.longText('tourPlan'),
        col.longText('images'),
        col.int('maxGuest'),
        col.int('minAge', true),
        col.ref('divisionId'),
        col.ref('tourTypeId'),
        col.time('createdAt'),
        col.time('updatedAt'),
      ],
      [
        { columns: ['slug'], unique: true },
        { columns: ['divisionId'] },
        { columns: ['tourTypeId'] },
        { columns: ['location'] },
        { columns: ['costFrom'] },
        { columns: ['startDate'] },
        { columns: ['endDate'] },
        { columns: ['createdAt'] },
        { columns: ['title'] },
        // the default order (newest first) under the common filters
        { columns: ['divisionId', 'createdAt'] },
        { columns: ['tourTypeId', 'createdAt'] },
      ],
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('tours');
    await runner.dropTable('tour_types');
    await runner.dropTable('divisions');
  }
}
