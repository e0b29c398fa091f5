/**
 * Stored data compared by meaning. Chrome hands stored objects back with their keys sorted while
 * code builds them in its own order, so two JSON texts of the same value can differ: compare this
 * canonical form (object keys sorted, array order kept, undefined fields dropped as storage drops them).
 */
export function canonicalJson(value: unknown): string | undefined {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export const sameValue = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);
