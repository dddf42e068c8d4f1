import { Brackets } from 'typeorm';
import type { CreatedBetween } from '../../../application/ports/PaymentRepository';

/** `alias.createdAt` within any of `windows`, both ends included: the reconciler's due rows, picked by the database. */
export function createdWithin(windows: CreatedBetween[], alias: string): Brackets {
  return new Brackets((created) => {
    for (const [i, { from, to }] of windows.entries()) created.orWhere(`${alias}.createdAt BETWEEN :from${i} AND :to${i}`, { [`from${i}`]: from, [`to${i}`]: to });
  });
}
