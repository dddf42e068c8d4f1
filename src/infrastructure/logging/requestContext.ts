import { AsyncLocalStorage } from 'node:async_hooks';

/** The request (or job) the current async call chain serves; every log line carries its id. */
export const requestContext = new AsyncLocalStorage<{ requestId: string }>();
