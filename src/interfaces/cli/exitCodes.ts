import {
  Conflict, DependencyUnavailable, DomainError, Forbidden, NotFound, RateLimited, Unauthenticated, ValidationFailed,
} from '../../domain/shared/errors';

/** The CLI's counterpart of errorStatus.ts: one exit code per error type; anything else is 1. */
export const EXIT_CODES: [abstract new (...args: never[]) => DomainError, number][] = [
  [ValidationFailed, 2],
  [Unauthenticated, 3],
  [Forbidden, 3],
  [NotFound, 4],
  [Conflict, 5],
  [RateLimited, 6],
  [DependencyUnavailable, 7],
];

export function exitCodeOf(error: unknown): number {
  return EXIT_CODES.find(([type]) => error instanceof type)?.[1] ?? 1;
}

/** One line: the message, and the stable code of a domain error (`[USER.ALREADY_EXISTS]`). */
export function errorLine(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ');
  return error instanceof DomainError ? `error: ${message} [${error.code}]` : `error: ${message}`;
}
