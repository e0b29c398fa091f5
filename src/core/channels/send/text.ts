// Text helpers for message bodies and for the `why` of an outcome (which is logged, so kept short).
import { EVENT_ID_HEADER } from '../text';

/** At most `max` code points, ending in `…` when cut; never splits a surrogate pair. */
export function truncate(text: string, max: number): string {
  const points = Array.from(text);
  return points.length <= max ? text : `${points.slice(0, max - 1).join('')}…`;
}

/** One line of at most `max` characters, without control characters: safe in a log line. */
export function oneLine(text: string, max = 160): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
  return truncate(text.replace(/[\s\u0000-\u001f\u007f]+/g, ' ').trim(), max);
}

/** Only http(s) links are clickable in every service; others (an extension page) are left out. */
export const isWebLink = (link: string): boolean => /^https?:\/\//i.test(link);

export const DEFAULT_LINK_LABEL = 'Open';

export function jsonHeaders(eventId: string): Record<string, string> {
  // Encoded so an id with any character still makes a valid header value.
  return { 'Content-Type': 'application/json', [EVENT_ID_HEADER]: encodeURIComponent(eventId) };
}

/** Parses JSON, or undefined: a service's error page is often HTML. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
