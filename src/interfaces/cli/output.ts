import type { Command } from 'commander';
import Table from 'cli-table3';

function root(command: Command): Command {
  let current = command;
  while (current.parent) current = current.parent;
  return current;
}

/** Writes a line to the program's stdout (captured in tests through `configureOutput`). */
export function println(command: Command, text = ''): void {
  const write = root(command).configureOutput().writeOut ?? ((s: string) => process.stdout.write(s));
  write(text.endsWith('\n') ? text : `${text}\n`);
}

/** A plain table (no colours: it may be piped or captured). */
export function table(head: string[], rows: (string | number | boolean | null)[][]): string {
  const t = new Table({ head, style: { head: [], border: [] } });
  for (const row of rows) t.push(row.map((cell) => (cell === null ? '' : String(cell))));
  return t.toString();
}
