// Which granted sites Reopen Watch itself asked for. Only those may ever be given back: a site the
// user granted on their own (Chrome's "Site access → Add site", "On all sites") is theirs to keep.
// The list is kept in storage.local under `sitesAsked` (src/core/storage-keys.ts): the host patterns a
// request of ours obtained (they were not granted before it).

/**
 * Whether `pattern` (scheme, host, every path) was already covered by one of `granted`: the same
 * pattern, every site (`<all_urls>`, any scheme or https with host `*`), or a wildcard host
 * (`*.example.com`).
 */
export function coveredBy(pattern: string, granted: readonly string[]): boolean {
  const parsed = /^(\*|https?):\/\/([^/]+)\/\*$/.exec(pattern);
  if (!parsed) return granted.includes(pattern);
  const [, scheme, host] = parsed as unknown as [string, string, string];
  const hostname = host.replace(/:\d+$/, '');
  return granted.some((g) => {
    if (g === pattern || g === '<all_urls>') return true;
    const m = /^(\*|https?):\/\/([^/]+)\/(.*)$/.exec(g);
    if (m?.[3] !== '*') return false;
    const [, gScheme, gHost] = m as unknown as [string, string, string];
    if (gScheme !== '*' && gScheme !== scheme) return false;
    if (gHost === '*') return true;
    if (gHost.startsWith('*.')) return hostname === gHost.slice(2) || hostname.endsWith(gHost.slice(1));
    return gHost === host || gHost === hostname;
  });
}

/** The stored list, read leniently: anything but a list of strings is no list. */
export function readAskedSites(raw: unknown): string[] | null {
  return Array.isArray(raw) ? raw.filter((p): p is string => typeof p === 'string') : null;
}

/** After a request that was granted: the list with the patterns it newly obtained added. */
export function noteAsked(asked: readonly string[], requested: readonly string[], grantedBefore: readonly string[]): string[] {
  const obtained = requested.filter((p) => !coveredBy(p, grantedBefore));
  return [...new Set([...asked, ...obtained])];
}

/**
 * Data from before the list existed (2.1) has none: every granted site a watch or channel names
 * counts as ours (2.1 asked for each when it was added); broader grants never do. Worked out when
 * the options page opens, before anything there can be removed.
 */
export const legacyAsked = (granted: readonly string[], needed: ReadonlySet<string>): string[] => granted.filter((p) => needed.has(p));

/** What to give back: granted patterns we asked for that nothing needs any more; the list without them. */
export function sitesToRelease(
  asked: readonly string[],
  granted: readonly string[],
  needed: ReadonlySet<string>,
): { release: string[]; asked: string[] } {
  const release = granted.filter((p) => asked.includes(p) && !needed.has(p));
  return { release, asked: asked.filter((p) => !release.includes(p)) };
}
