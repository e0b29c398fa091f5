/**
 * Recognises bot challenges and block pages from the big bot-defence vendors, whatever the status
 * (200, 403, 429, 503 all occur). Markers are ones only the challenge itself carries: a normal page
 * protected by the same vendor (Cloudflare's injected `/cdn-cgi/challenge-platform/scripts/jsd`,
 * a Turnstile widget on a sign-up form, DataDome's or PerimeterX's sensor script) must not read blocked.
 */

import type { Evidence } from '../../../evidence-message';
import { say } from './evidence-en';

export interface BotWall {
  /** Who serves it (`Cloudflare`), or null for a page that only asks "are you human". */
  vendor: string | null;
  /** What was seen, for the evidence line: `challenge page`, `"Just a moment…" page`, `px-captcha`. */
  marker: string | Evidence;
  /** Seen in a response header (`cf-mitigated`), not in the body. */
  header: boolean;
}

/** Challenge pages are small and say so early; a long page is scanned only at its start. */
const SCAN = 64 * 1024;

interface Rule {
  vendor: string | null;
  marker: string | Evidence;
  /** Every one of these lower-case strings must be present. */
  all: readonly string[];
}

const challengePage = say('evChallengePage');
const pageQuoting = (text: string) => say('evQuotedPage', text);
const accessDenied = pageQuoting('"Access Denied … Reference #"');
const pressAndHold = say('evQuotedCaptcha', '"Press & Hold"');
const incidentPage = say('evIncidentPage');

const RULES: readonly Rule[] = [
  { vendor: 'Cloudflare', marker: challengePage, all: ['_cf_chl_opt'] },
  { vendor: 'Cloudflare', marker: pageQuoting('"Just a moment…"'), all: ['<title>just a moment'] },
  { vendor: 'Cloudflare', marker: challengePage, all: ['/cdn-cgi/challenge-platform/h/'] },
  { vendor: 'Cloudflare', marker: pageQuoting('"you have been blocked"'), all: ['cloudflare', 'you have been blocked'] },
  { vendor: 'Cloudflare', marker: pageQuoting('"Attention Required"'), all: ['<title>attention required! | cloudflare'] },
  { vendor: 'DataDome', marker: say('evCaptchaAt', 'captcha-delivery.com'), all: ['captcha-delivery.com'] },
  { vendor: 'PerimeterX', marker: 'px-captcha', all: ['px-captcha'] },
  { vendor: 'PerimeterX', marker: '_pxCaptcha', all: ['_pxcaptcha'] },
  { vendor: 'PerimeterX', marker: pressAndHold, all: ['press &amp; hold', 'human'] },
  { vendor: 'PerimeterX', marker: pressAndHold, all: ['press & hold', 'human'] },
  { vendor: 'Akamai', marker: accessDenied, all: ['access denied', 'reference #'] },
  { vendor: 'Akamai', marker: accessDenied, all: ['access denied', 'reference&#32;&#35;'] },
  {
    vendor: 'Akamai',
    marker: say('evQuotedPageAt', '"Access Denied"', 'errors.edgesuite.net'),
    all: ['access denied', 'errors.edgesuite.net'],
  },
  { vendor: 'Akamai', marker: say('evBotChallengeAt', '/_sec/cp_challenge'), all: ['/_sec/cp_challenge/'] },
  { vendor: 'Imperva', marker: incidentPage, all: ['_incapsula_resource'] },
  { vendor: 'Imperva', marker: incidentPage, all: ['incapsula incident id'] },
  { vendor: 'AWS WAF', marker: challengePage, all: ['gokuprops'] },
  { vendor: null, marker: '"verify you are human"', all: ['verify you are human'] },
  { vendor: null, marker: '"verify you are human"', all: ['verify that you are human'] },
  { vendor: null, marker: '"verifying you are human"', all: ['verifying you are human'] },
  { vendor: null, marker: '"are you a robot"', all: ['are you a robot'] },
  { vendor: null, marker: '"checking your browser"', all: ['checking your browser before accessing'] },
];

/** The first wall whose markers are all in the start of the body, or null. */
export function detectBotWall(body: string, header: (name: string) => string | null): BotWall | null {
  if (header('cf-mitigated')?.toLowerCase() === 'challenge')
    return { vendor: 'Cloudflare', marker: say('evHeader', 'cf-mitigated: challenge'), header: true };
  const lower = body.slice(0, SCAN).toLowerCase();
  const rule = RULES.find((r) => r.all.every((m) => lower.includes(m)));
  return rule ? { vendor: rule.vendor, marker: rule.marker, header: false } : null;
}
