import type Joi from 'joi';
import { ValidationFailed } from '../../domain/shared/errors';

/** Validates and converts `value`; every problem comes back named by its field. */
export function validate(schema: Joi.Schema, value: unknown, where: string): unknown {
  const outcome = schema.validate(value, { abortEarly: false, convert: true, stripUnknown: false });
  const { error } = outcome;
  const result: unknown = outcome.value;
  if (error) {
    const problems = error.details.map((d) => ({ path: d.path.join('.') || where, message: d.message.replace(/^"[^"]*" /, '') }));
    throw new ValidationFailed(`Validation failed: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`, problems);
  }
  return result;
}
