import type { CodeOf, ErrorCode, ErrorKind } from './errorCatalogue';
import { ERROR_CODES } from './errorCatalogue';

/** A problem with one input field, reported back to the caller by name. */
export interface FieldProblem {
  path: string;
  message: string;
}

/**
 * Every error the domain and the application raise on purpose. `code` is stable (clients and logs
 * may match on it) and comes from the catalogue; `kind` decides how the edges answer it
 * (errorCatalogue.ts: HTTP status, CLI exit code).
 */
export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  abstract readonly kind: ErrorKind;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationFailed extends DomainError {
  readonly kind = 'invalid';
  constructor(message: string, readonly problems: FieldProblem[] = [], readonly code: CodeOf<'invalid'> = ERROR_CODES.VALIDATION_FAILED) {
    super(message);
  }
  static field(path: string, message: string): ValidationFailed {
    return new ValidationFailed(`${path} ${message}`, [{ path, message }]);
  }
}

export class NotFound extends DomainError {
  readonly kind = 'notFound';
  constructor(message: string, readonly code: CodeOf<'notFound'>) {
    super(message);
  }
  /** `What not found`, e.g. `NotFound.of('Tour type', ERROR_CODES.TOUR_TYPE.NOT_FOUND)`. */
  static of(what: string, code: CodeOf<'notFound'>): NotFound {
    return new NotFound(`${what} not found`, code);
  }
}

export class Conflict extends DomainError {
  readonly kind = 'conflict';
  constructor(message: string, readonly code: CodeOf<'conflict'> = ERROR_CODES.CONFLICT) {
    super(message);
  }
}

export class Unauthenticated extends DomainError {
  readonly kind = 'unauthenticated';
  constructor(message = 'Authentication required', readonly code: CodeOf<'unauthenticated'> = ERROR_CODES.AUTH.UNAUTHENTICATED) {
    super(message);
  }
}

export class Forbidden extends DomainError {
  readonly kind = 'forbidden';
  constructor(message = 'You are not allowed to do this', readonly code: CodeOf<'forbidden'> = ERROR_CODES.AUTH.FORBIDDEN) {
    super(message);
  }
}

export class RateLimited extends DomainError {
  readonly kind = 'rateLimited';
  readonly code = ERROR_CODES.RATE_LIMITED;
  constructor(readonly retryAfterSeconds: number, message = 'Too many requests, try again later') {
    super(message);
  }
}

/** An outside system we depend on (database, Redis, SMTP, gateway) did not answer. */
export class DependencyUnavailable extends DomainError {
  readonly kind = 'unavailable';
  readonly code = ERROR_CODES.DEPENDENCY_UNAVAILABLE;
  constructor(readonly dependency: string, message = `${dependency} is unavailable`) {
    super(message);
  }
}
