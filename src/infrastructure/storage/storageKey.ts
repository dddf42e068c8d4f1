const KEY = /^[A-Za-z0-9][A-Za-z0-9_.-]*(\/[A-Za-z0-9][A-Za-z0-9_.-]*)*$/;

/** Refuses anything that is not one of our keys: no `..`, no leading `/`, no backslashes, no empty segments. */
export function assertStorageKey(key: string): string {
  if (typeof key !== 'string' || key.length > 400 || !KEY.test(key) || key.split('/').some((s) => s === '.' || s === '..' || s.startsWith('..'))) {
    throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
  }
  return key;
}

export function isStorageKey(key: string): boolean {
  try {
    assertStorageKey(key);
    return true;
  } catch {
    return false;
  }
}

/** A folder to list: one or more key segments, each followed by `/` (`tours/`, `a/b/`). */
export function assertStoragePrefix(prefix: string): string {
  if (typeof prefix !== 'string' || !prefix.endsWith('/') || !isStorageKey(prefix.slice(0, -1))) {
    throw new Error(`Invalid storage prefix: ${JSON.stringify(prefix)}`);
  }
  return prefix;
}
