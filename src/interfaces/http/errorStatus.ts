import { ERROR_KINDS } from '../../domain/shared/errorCatalogue';
import { DomainError } from '../../domain/shared/errors';

/** The status the error catalogue gives the error's kind; anything that is not a DomainError is a 500. */
export function statusOf(error: unknown): number {
  return error instanceof DomainError ? ERROR_KINDS[error.kind].status : 500;
}
