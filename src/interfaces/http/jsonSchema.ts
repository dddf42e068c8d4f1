import type Joi from 'joi';
import j2s from 'joi-to-swagger';

/** The parts of a JSON schema (as joi-to-swagger emits it for OpenAPI 3) that the document and its examples read. */
export interface JsonSchema {
  type?: string;
  format?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  example?: unknown;
  default?: unknown;
  minimum?: number;
  [keyword: string]: unknown;
}

/** A joi schema as the JSON schema OpenAPI documents it with. */
export function jsonSchemaOf(schema: Joi.Schema): JsonSchema {
  const { swagger }: { swagger: JsonSchema } = j2s(schema);
  return swagger;
}
