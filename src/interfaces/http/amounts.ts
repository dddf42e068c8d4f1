import Joi from 'joi';

const twoDecimals = (value: number) => Math.abs(Math.round(value * 100) - value * 100) < 1e-6;

/**
 * An amount in major units as the API carries it (`12500.5`): a JSON number, not a string,
 * non-negative, at most two decimals. The use case turns it into Money.
 */
export const majorAmount = () =>
  Joi.number()
    .strict()
    .min(0)
    .max(1e13)
    .custom((value: number, helpers) => (twoDecimals(value) ? value : helpers.message({ custom: 'must have at most two decimals' })));

/** A major-unit bound in a query string (`?minCost=12500`), converted to integer minor units for the list query. */
export const minorBoundFromQuery = () =>
  Joi.number()
    .min(0)
    .max(1e13)
    .custom((value: number, helpers) => (twoDecimals(value) ? Math.round(value * 100) : helpers.message({ custom: 'must have at most two decimals' })));
