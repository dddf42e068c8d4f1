import Joi from 'joi';

declare const VALIDATES_TO: unique symbol;

/**
 * A joi schema that also tells the compiler what a value that passed it is, and whether it is always
 * there (`required()` or a default). Handlers take their input types from these (`Fields`), so a
 * schema and the code reading what it let through cannot disagree.
 */
export type Typed<T, Always extends boolean = boolean> = Joi.Schema & { readonly [VALIDATES_TO]: { value: T; always: Always } };

/** What joi's own types say a plain schema converts to; anything else must say so (`as`). */
type PlainValue<S> = S extends Joi.StringSchema
  ? string
  : S extends Joi.NumberSchema
    ? number
    : S extends Joi.BooleanSchema
      ? boolean
      : S extends Joi.DateSchema
        ? Date
        : unknown;

export type ValueOf<S> = S extends { readonly [VALIDATES_TO]: { value: infer T } } ? T : PlainValue<S>;
type AlwaysThere<S> = S extends { readonly [VALIDATES_TO]: { always: true } } ? true : false;
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** An object of these field schemas: fields always there are typed present, the others optional. */
export type Fields<M> = Simplify<
  { [K in keyof M as AlwaysThere<M[K]> extends true ? K : never]: ValueOf<M[K]> } & { [K in keyof M as AlwaysThere<M[K]> extends true ? never : K]?: ValueOf<M[K]> }
>;

const typed = <T, Always extends boolean>(schema: Joi.Schema) => schema as Typed<T, Always>;

/** `schema.required()`: the field is always there. */
export function required<S extends Joi.Schema>(schema: S): Typed<ValueOf<S>, true> {
  return typed(schema.required());
}

/** `schema.default(value)`: the field is always there after validation. */
export function withDefault<S extends Joi.Schema>(schema: S, value: ValueOf<S> & Joi.BasicType): Typed<ValueOf<S>, true> {
  return typed(schema.default(value));
}

/** `schema.allow(null)`: the field may be null. */
export function nullable<S extends Joi.Schema>(schema: S): Typed<ValueOf<S> | null, AlwaysThere<S>> {
  return typed(schema.allow(null));
}

/** One of `values` (`Joi.string().valid(...)`), typed as their union. */
export function oneOf<V extends string>(values: readonly V[]): Typed<V, false> {
  return typed(Joi.string().valid(...values));
}

/** An array of `items`, `more` adding its own rules (`(a) => a.max(50)`). */
export function arrayOf<S extends Joi.Schema>(items: S, more: (array: Joi.ArraySchema) => Joi.ArraySchema = (a) => a): Typed<ValueOf<S>[], false> {
  return typed(more(Joi.array().items(items)));
}

/** An object of `fields`; unknown keys are refused unless `more` says otherwise (`(o) => o.unknown(true)`). */
export function object<M extends Joi.SchemaMap>(fields: M, more: (object: Joi.ObjectSchema) => Joi.ObjectSchema = (o) => o): Typed<Fields<M>, false> {
  return typed(more(Joi.object(fields)));
}

/** A schema whose converted value joi's types cannot tell (alternatives, custom conversions), stating it. */
export function as<T>(schema: Joi.Schema): Typed<T, false> {
  return typed(schema);
}
