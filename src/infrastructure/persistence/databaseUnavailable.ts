import { CannotExecuteNotConnectedError, ConnectionIsNotSetError } from 'typeorm';
import { DependencyUnavailable } from '../../domain/shared/errors';

/** Socket errors (Node) and mysql2's protocol codes: the server could not be reached or went away. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENOTFOUND', 'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST', 'PROTOCOL_SEQUENCE_TIMEOUT', 'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR', 'PROTOCOL_ENQUEUE_AFTER_QUIT',
]);

/**
 * MySQL/MariaDB server errors that say "not now" rather than "not this statement": too many connections (1040, 1203),
 * shutdown in progress (1053), connection aborted or killed (1152, 1927), query interrupted by a shutdown or KILL (1317),
 * client codes for a server gone or unreachable (2002, 2003, 2006, 2013), idle connection closed by the server (4031).
 */
const SERVER_ERRNOS = new Set([1040, 1053, 1152, 1203, 1317, 1927, 2002, 2003, 2006, 2013, 4031]);

/** SQLite result codes (extended codes start with the primary one): another writer holds the lock, or the file cannot be used. */
const SQLITE_PRIMARY_CODES = ['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_CANTOPEN', 'SQLITE_IOERR', 'SQLITE_FULL'];

/** Errors that carry no code, all from a connection closed by shutdown: mysql2's pool, TypeORM's MySQL driver, better-sqlite3's handle. */
const CODELESS_MESSAGES = new Set(['Pool is closed.', 'Connection is not established with mysql database', 'The database connection is not open']);

interface DriverErrorShape {
  code?: unknown;
  errno?: unknown;
  fatal?: unknown;
  message?: unknown;
  driverError?: unknown;
  cause?: unknown;
}

function isConnectionLoss(e: DriverErrorShape): boolean {
  if (e instanceof CannotExecuteNotConnectedError || e instanceof ConnectionIsNotSetError) return true;
  // mysql2 marks every error that leaves a connection unusable (lost socket, closed state, failed handshake) fatal.
  if (e.fatal === true) return true;
  if (typeof e.code === 'string' && (CONNECTION_CODES.has(e.code) || SQLITE_PRIMARY_CODES.some((p) => e.code === p || (e.code as string).startsWith(`${p}_`)))) return true;
  if (typeof e.errno === 'number' && SERVER_ERRNOS.has(e.errno)) return true;
  return typeof e.message === 'string' && CODELESS_MESSAGES.has(e.message);
}

/**
 * A DependencyUnavailable('database') when `error` (or the driver error TypeORM wraps, or its cause) means the
 * database could not be reached, went away, or is locked by another writer; null for anything else. Callers map
 * it like any DependencyUnavailable (HTTP 503 with Retry-After, CLI exit code 7, a job retried later).
 */
export function databaseUnavailable(error: unknown): DependencyUnavailable | null {
  if (error instanceof DependencyUnavailable) return null;
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const e = current as DriverErrorShape;
    if (isConnectionLoss(e)) return Object.assign(new DependencyUnavailable('database', 'The database is unavailable, try again shortly'), { cause: error });
    current = e.driverError ?? e.cause;
  }
  return null;
}

/** `error` as callers should see it: a database outage becomes DependencyUnavailable, anything else is unchanged. */
export function withDatabaseOutageClassified(error: unknown): unknown {
  return databaseUnavailable(error) ?? error;
}
