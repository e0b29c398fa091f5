/**
 * Recognises bot challenges and block pages from the big bot-defence vendors, whatever the status
 * (200, 403, 429, 503 all occur). Markers are ones only the challenge itself carries: a normal page
 * protected by the same vendor (Cloudflare's injected `/cdn-cgi/challenge-platform/scripts/jsd`,
 * a Turnstile widget on a sign-up form, DataDome's or PerimeterX's sensor script) must not read blocked.
 */

export interface BotWall {
  vendor: string;
  /** What was seen, for the evidence line. */
  marker: string;
}

/** Challenge pages are small and say so early; a long page is scanned only at its start. */
const SCAN = 64 * 1024;

interface Rule {
  vendor: string;
  marker: string;
  /** Every one of these lower-case strings must be present. */
  all: readonly string[];
}

const RULES: readonly Rule[] = [
  { vendor: 'Cloudflare', marker: 'challenge page', all: ['_cf_chl_opt'] },
  { vendor: 'Cloudflare', marker: '"Just a moment…" page', all: ['<title>just a moment'] },
  { vendor: 'Cloudflare', marker: 'challenge page', all: ['/cdn-cgi/challenge-platform/h/'] },
  { vendor: 'Cloudflare', marker: '"you have been blocked" page', all: ['cloudflare', 'you have been blocked'] },
  { vendor: 'Cloudflare', marker: '"Attention Required" page', all: ['<title>attention required! | cloudflare'] },
  { vendor: 'DataDome', marker: 'captcha (captcha-delivery.com)', all: ['captcha-delivery.com'] },
  { vendor: 'PerimeterX', marker: 'px-captcha', all: ['px-captcha'] },
  { vendor: 'PerimeterX', marker: '_pxCaptcha', all: ['_pxcaptcha'] },
  { vendor: 'PerimeterX', marker: '"Press & Hold" captcha', all: ['press &amp; hold', 'human'] },
  { vendor: 'PerimeterX', marker: '"Press & Hold" captcha', all: ['press & hold', 'human'] },
  { vendor: 'Akamai', marker: '"Access Denied … Reference #" page', all: ['access denied', 'reference #'] },
  { vendor: 'Akamai', marker: '"Access Denied … Reference #" page', all: ['access denied', 'reference&#32;&#35;'] },
  { vendor: 'Akamai', marker: '"Access Denied" page (errors.edgesuite.net)', all: ['access denied', 'errors.edgesuite.net'] },
  { vendor: 'Akamai', marker: 'bot challenge (/_sec/cp_challenge)', all: ['/_sec/cp_challenge/'] },
  { vendor: 'Imperva', marker: 'incident page', all: ['_incapsula_resource'] },
  { vendor: 'Imperva', marker: 'incident page', all: ['incapsula incident id'] },
  { vendor: 'AWS WAF', marker: 'challenge page', all: ['gokuprops'] },
  { vendor: 'bot check', marker: '"verify you are human"', all: ['verify you are human'] },
  { vendor: 'bot check', marker: '"verify you are human"', all: ['verify that you are human'] },
  { vendor: 'bot check', marker: '"verifying you are human"', all: ['verifying you are human'] },
  { vendor: 'bot check', marker: '"are you a robot"', all: ['are you a robot'] },
  { vendor: 'bot check', marker: '"checking your browser"', all: ['checking your browser before accessing'] },
];

/** The first wall whose markers are all in the start of the body, or null. */
export function detectBotWall(body: string, header: (name: string) => string | null): BotWall | null {
  if (header('cf-mitigated')?.toLowerCase() === 'challenge') return { vendor: 'Cloudflare', marker: 'header cf-mitigated: challenge' };
  const lower = body.slice(0, SCAN).toLowerCase();
  const rule = RULES.find((r) => r.all.every((m) => lower.includes(m)));
  return rule ? { vendor: rule.vendor, marker: rule.marker } : null;
}
