/** Field names whose values never reach a log line, at any depth up to MAX_DEPTH. */
export const SECRET_FIELDS: ReadonlySet<string> = new Set([
  'password', 'newPassword', 'oldPassword', 'passwordHash', 'otp', 'code', 'token', 'accessToken', 'refreshToken',
  'resetToken', 'secret', 'clientSecret', 'authorization', 'cookie', 'set-cookie',
]);

export const REDACTED = '[redacted]';

/** Deep enough for `req.headers.authorization` and an error's `config.headers.cookie`; bounded so a cycle cannot loop. */
const MAX_DEPTH = 5;

/**
 * `fields` with the value of every secret-named field replaced by `[redacted]`. Nothing is copied
 * unless something is redacted, and then only the objects on the way to it: the caller's objects
 * are never changed, and an error stays an error (same prototype, message and stack).
 * Replaces pino's path-based `redact`, which cost ~19 µs on every request's log line.
 */
export function redactSecrets<T>(fields: T, depth = 0): T {
  if (depth > MAX_DEPTH || fields === null || typeof fields !== 'object' || ArrayBuffer.isView(fields)) return fields;
  let copy: Record<string, unknown> | unknown[] | null = null;
  const source = fields as Record<string, unknown>;
  for (const key of Object.keys(source)) {
    const value = source[key];
    const redacted = SECRET_FIELDS.has(key) && value !== undefined ? REDACTED : redactSecrets(value, depth + 1);
    if (redacted === value) continue;
    copy ??= shallowCopy(fields);
    Object.defineProperty(copy, key, { value: redacted, enumerable: true, writable: true, configurable: true });
  }
  return (copy ?? fields) as T;
}

/** An array, a plain object, or any other object with its prototype and own properties (an error keeps its message and stack). */
function shallowCopy(fields: object): Record<string, unknown> | unknown[] {
  if (Array.isArray(fields)) return [...(fields as unknown[])];
  const descriptors = Object.getOwnPropertyDescriptors(fields);
  for (const descriptor of Object.values(descriptors)) descriptor.configurable = true;
  return Object.create(Object.getPrototypeOf(fields), descriptors) as Record<string, unknown>;
}
