import type { QueryRunner, TableColumnOptions} from 'typeorm';
import { Table, TableIndex } from 'typeorm';

/** Column shorthands for migrations, portable across MySQL/MariaDB and SQLite. */
export const col = {
  id: (name = 'id'): TableColumnOptions => ({ name, type: 'varchar', length: '36', isPrimary: name === 'id' }),
  ref: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '36', isNullable: nullable }),
  text: (name: string, length: number, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable: nullable }),
  longText: (name: string, nullable = true): TableColumnOptions => ({ name, type: 'text', isNullable: nullable }),
  int: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'int', isNullable: nullable }),
  bool: (name: string): TableColumnOptions => ({ name, type: 'boolean', default: false }),
  time: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'datetime', precision: 3, isNullable: nullable }),
};

export async function createTable(
  runner: QueryRunner,
  name: string,
  columns: TableColumnOptions[],
  indices: { columns: string[]; unique?: boolean; name?: string }[] = [],
): Promise<void> {
  await runner.createTable(new Table({ name, columns }), true);
  for (const index of indices) {
    const indexName = index.name ?? `${index.unique ? 'UQ' : 'IDX'}_${name}_${index.columns.join('_')}`;
    await runner.createIndex(name, new TableIndex({ name: indexName, columnNames: index.columns, isUnique: index.unique ?? false }));
  }
}
