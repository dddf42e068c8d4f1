import { AsyncLocalStorage } from 'node:async_hooks';

/** The request (or job) the current async call chain serves; every log line carries its id. */
export const requestContext = new AsyncLocalStorage<{ requestId: string }>();

/** Runs `work` as request `requestId`: whatever it logs, now or in tasks it starts, carries the id. */
export function inRequestScope<T>(requestId: string, work: () => Promise<T>): Promise<T> {
  return requestContext.run({ requestId }, work);
}
