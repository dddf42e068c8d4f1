/** A problem with one input field, reported back to the caller by name. */
export interface FieldProblem {
  path: string;
  message: string;
}

/**
 * Every error the domain and the application raise on purpose. `code` is stable
 * (clients and logs may match on it); the HTTP adapter maps the class to a status.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationFailed extends DomainError {
  readonly code: string;
  constructor(message: string, readonly problems: FieldProblem[] = [], code = 'VALIDATION_FAILED') {
    super(message);
    this.code = code;
  }
  static field(path: string, message: string): ValidationFailed {
    return new ValidationFailed(`${path} ${message}`, [{ path, message }]);
  }
}

export class NotFound extends DomainError {
  readonly code: string;
  constructor(message: string, code = 'NOT_FOUND') {
    super(message);
    this.code = code;
  }
  static of(what: string): NotFound {
    return new NotFound(`${what} not found`, `${what.toUpperCase().replace(/\s+/g, '_')}.NOT_FOUND`);
  }
}

export class Conflict extends DomainError {
  readonly code: string;
  constructor(message: string, code = 'CONFLICT') {
    super(message);
    this.code = code;
  }
}

export class Unauthenticated extends DomainError {
  readonly code: string;
  constructor(message = 'Authentication required', code = 'AUTH.UNAUTHENTICATED') {
    super(message);
    this.code = code;
  }
}

export class Forbidden extends DomainError {
  readonly code: string;
  constructor(message = 'You are not allowed to do this', code = 'AUTH.FORBIDDEN') {
    super(message);
    this.code = code;
  }
}

export class RateLimited extends DomainError {
  readonly code = 'RATE_LIMITED';
  constructor(readonly retryAfterSeconds: number, message = 'Too many requests, try again later') {
    super(message);
  }
}

/** An outside system we depend on (database, Redis, SMTP, gateway) did not answer. */
export class DependencyUnavailable extends DomainError {
  readonly code = 'DEPENDENCY_UNAVAILABLE';
  constructor(readonly dependency: string, message = `${dependency} is unavailable`) {
    super(message);
  }
}
