/** Markers of Cloudflare's interstitial ("Just a moment…"), which can come with status 403 or even 200. */
const CHALLENGE_MARKERS = ['<title>just a moment', '_cf_chl_opt', '/cdn-cgi/challenge-platform', 'challenges.cloudflare.com'];

export type ChallengeKind = 'challenge-header' | 'challenge-page';

/** Says whether a response is a bot challenge rather than an answer from ChatGPT. */
export function detectChallenge(headers: Headers, body: string): ChallengeKind | null {
  if (headers.get('cf-mitigated')?.toLowerCase() === 'challenge') return 'challenge-header';
  if (!looksLikeHtml(headers, body)) return null;
  const lower = body.slice(0, 64 * 1024).toLowerCase();
  return CHALLENGE_MARKERS.some((marker) => lower.includes(marker)) ? 'challenge-page' : null;
}

export function looksLikeHtml(headers: Headers, body: string): boolean {
  const type = headers.get('content-type') ?? '';
  return type.includes('text/html') || body.trimStart().startsWith('<');
}
