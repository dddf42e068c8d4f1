import type { JsonSchema } from './jsonSchema';

/** Values a reader recognises, by field name, where the type alone says little. */
const BY_NAME: Record<string, unknown> = {
  email: 'traveller@example.com', password: 'Str0ng!pass', oldPassword: 'Str0ng!pass', newPassword: 'N3w!passw0rd',
  name: 'Rahim Uddin', phone: '+8801712345678', address: 'House 12, Road 5, Dhanmondi, Dhaka', otp: '123456',
  currency: 'BDT', guestCount: 2, costFrom: 12500, maxGuest: 20, title: "Cox's Bazar Sea Escape", location: "Cox's Bazar",
};

/**
 * An example value built from a JSON schema (as joi-to-swagger emits it): the schema's own
 * `example`/`default` first, then a name-based guess, then one from the type and format.
 */
export function exampleOf(schema: JsonSchema | undefined, name = ''): unknown {
  if (!schema) return undefined;
  if (schema.example !== undefined) return schema.example;
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.enum) && schema.enum.length) return schema.enum.find((v: unknown) => v !== null && v !== '') ?? schema.enum[0];
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(alternatives) && alternatives.length) return exampleOf(alternatives[0], name);
  if (name in BY_NAME && schema.type !== 'object' && schema.type !== 'array') return BY_NAME[name];
  switch (schema.type) {
    case 'object': {
      const entries = Object.entries(schema.properties ?? {}).map(([key, value]) => [key, exampleOf(value, key)] as const);
      return Object.fromEntries(entries.filter(([, value]) => value !== undefined));
    }
    case 'array':
      return schema.items ? [exampleOf(schema.items, name)].filter((v) => v !== undefined) : [];
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'string':
      if (schema.format === 'binary') return undefined;
      if (schema.format === 'email') return 'traveller@example.com';
      if (schema.format === 'date-time' || schema.format === 'date') return '2026-03-01T10:00:00.000Z';
      if (schema.format === 'uri') return 'https://example.com';
      return 'string';
    default:
      return undefined;
  }
}
