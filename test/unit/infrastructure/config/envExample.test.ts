import fs from 'node:fs';
import path from 'node:path';
import { environmentSchema } from '../../../../src/infrastructure/config/schema';

const example = fs.readFileSync(path.join(__dirname, '../../../../.env.example'), 'utf8');
/** `NAME=value` lines, including commented-out `# NAME=value` ones. */
const listed = new Map(
  [...example.matchAll(/^(?:# ?)?([A-Z][A-Z0-9_]*)=(.*)$/gm)].map((m) => [m[1], m[2]] as const),
);
const schemaKeys = Object.keys((environmentSchema.describe() as { keys: Record<string, unknown> }).keys);

describe('.env.example', () => {
  it('lists every variable of the schema, and nothing else', () => {
    expect([...listed.keys()].sort()).toEqual([...schemaKeys].sort());
  });

  it('explains every variable with a comment above it (or above its group)', () => {
    const lines = example.split('\n');
    for (const name of schemaKeys) {
      const at = lines.findIndex((l) => new RegExp(`^(# ?)?${name}=`).test(l));
      const above = lines.slice(Math.max(0, at - 3), at).some((l) => l.startsWith('#') && !/^# ?[A-Z_0-9]+=/.test(l));
      expect({ name, explained: above }).toEqual({ name, explained: true });
    }
  });

  it('holds values the schema accepts', () => {
    const values = Object.fromEntries([...listed].filter(([, v]) => v !== ''));
    const { error } = environmentSchema.validate(values);
    expect(error?.message).toBeUndefined();
  });
});
