/** How each member of `T` is made, given the whole (`Whole`, by default `T`), so a factory reaches its siblings, typed. */
export type Factories<T, Whole = T> = { [K in keyof T]: (whole: Whole) => T[K] };

/**
 * An object whose members are made on first read, once each, by their factories: the wiring is
 * plain typed calls (`new LogoutAll(ports.sessionRepository, …)`), so a port in the wrong slot fails
 * `tsc`, while nothing is built (no browser launched, no client opened) before something uses it.
 */
export function lazy<T extends object>(factories: Factories<T>): T {
  const self = {} as T;
  for (const key of Object.keys(factories) as (keyof T & string)[]) {
    let made: { value: T[typeof key] } | null = null;
    Object.defineProperty(self, key, {
      enumerable: true,
      get: () => (made ??= { value: factories[key](self) }).value,
    });
  }
  return self;
}

/** `factories` with the members `replacements` gives taken as they are (tests swap a port or a use case this way). */
export function replaced<T>(factories: Factories<T>, replacements: Partial<T> = {}): Factories<T> {
  const merged: Factories<T> = { ...factories };
  for (const key of Object.keys(replacements) as (keyof T)[]) {
    const value = replacements[key];
    if (value !== undefined) merged[key] = () => value;
  }
  return merged;
}
