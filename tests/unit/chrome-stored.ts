// What Chrome's storage does to a value: tests/unit/fake-polyfill.ts makes fake-browser's storage do it too.

/**
 * Storage as Chrome's behaves: every value is copied on the way in and out (a caller's object is
 * never the stored one), and objects come back with their keys sorted, as Chrome's serialisation
 * hands them back. So code that compares stored objects by their JSON text fails here as it would
 * in Chrome, instead of passing on insertion order.
 */
export function chromeStored<T>(value: T): T {
  if (Array.isArray(value)) return value.map(chromeStored) as T;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, chromeStored(v)])) as T;
  }
  return value;
}
