import {
  Conflict, DependencyUnavailable, DomainError, Forbidden, NotFound, RateLimited, Unauthenticated, ValidationFailed,
} from '../../domain/shared/errors';
import { UnsupportedMediaType } from './requestBody';

/** The one table from error type to HTTP status. Anything not listed is a 500. */
export const ERROR_STATUS: [abstract new (...args: never[]) => DomainError, number][] = [
  [ValidationFailed, 400],
  [Unauthenticated, 401],
  [Forbidden, 403],
  [NotFound, 404],
  [Conflict, 409],
  [UnsupportedMediaType, 415],
  [RateLimited, 429],
  [DependencyUnavailable, 503],
];

export function statusOf(error: unknown): number {
  return ERROR_STATUS.find(([type]) => error instanceof type)?.[1] ?? 500;
}
