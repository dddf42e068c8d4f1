import { ERROR_KINDS } from '../../domain/shared/errorCatalogue';
import { DomainError } from '../../domain/shared/errors';

/** The exit code the error catalogue gives the error's kind (the same table as HTTP statuses); anything else is 1. */
export function exitCodeOf(error: unknown): number {
  return error instanceof DomainError ? ERROR_KINDS[error.kind].exitCode : 1;
}

/** One line: the message, and the stable code of a domain error (`[USER.ALREADY_EXISTS]`). */
export function errorLine(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ');
  return error instanceof DomainError ? `error: ${message} [${error.code}]` : `error: ${message}`;
}
