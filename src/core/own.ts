/**
 * A record's own entry for a key that came from outside (a message, a storage key): `__proto__`,
 * `constructor` or `toString` are ordinary ids, never what an object inherits.
 */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
