// URL rules every channel shares: https only (http for this machine), no credentials, and the host
// permission pattern a send needs.

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface CheckedUrl {
  url?: URL;
  problems: string[];
}

/** Parses a user-entered URL; `label` names the field in problems ("Server URL"). */
export function checkUrl(raw: unknown, label: string): CheckedUrl {
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (!text) return { problems: [`${label} is missing.`] };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { problems: [`${label} is not a valid URL.`] };
  }
  const problems: string[] = [];
  const allowed = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  if (!allowed) problems.push(`${label} must start with https:// (http:// only for localhost).`);
  // fetch refuses URLs with credentials, and they would be a secret hidden in plain sight.
  if (url.username || url.password) problems.push(`${label} must not contain a user name or password.`);
  return { url, problems };
}

export const isLoopback = (url: URL): boolean => LOOPBACK.has(url.hostname);

/** `<scheme>://<host>/*`: match patterns carry no port, so one grant covers every port of a host. */
export function originPattern(url: URL): string {
  return `${url.protocol}//${url.hostname}/*`;
}

/** The URL of a config field, or an error naming the field (never its value, which may be a secret). */
export function mustParse(raw: unknown, label: string): URL {
  const { url, problems } = checkUrl(raw, label);
  if (!url || problems.length) throw new Error(`${label} is not usable: ${problems.join(' ')}`);
  return url;
}
