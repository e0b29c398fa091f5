// The order the popup lists the watches in, as the options page changes it. Pure.

/** The display order with one watch moved up (-1) or down (+1); null at either end. */
export function moveWatch(ids: readonly string[], id: string, delta: -1 | 1): string[] | null {
  const from = ids.indexOf(id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= ids.length) return null;
  const next = [...ids];
  [next[from], next[to]] = [next[to] as string, next[from] as string];
  return next;
}
