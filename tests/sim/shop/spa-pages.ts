// Pages that build themselves with scripts (spa.example), for rendered reading: each answers an
// empty shell whose script, after a delay, asks the site's stock endpoint (with the browser's
// cookies) and builds the page from its answer. The shell is the same bytes whatever the stock,
// so its ETag does not move on a flip: only a rendered read can tell paused from open.
import type { Availability } from './product-page';

/** The script-built pages, by name; each variant behaves as its comment says. */
export const SPA_PAGES = {
  /** JSON-LD Product/Offer OutOfStock → InStock, and a title. */
  spaJsonLd: '/drops/trail-shoe',
  /** No structured data: a disabled "Sold out" button → "Add to cart". */
  spaButton: '/drops/summit-jacket',
  /** As spaJsonLd, but the shell sends X-Frame-Options: DENY and CSP frame-ancestors 'none'. */
  spaDeny: '/drops/locked-frame',
  /** Its script never arrives (the server holds the request open): the page never finishes parsing. */
  spaHang: '/drops/forever',
  /** Frame-busting: framed, it tries to navigate the top window and hides itself. */
  spaBust: '/drops/busted',
  /** The stock is shown only with the _spa_session cookie (SameSite=Lax) that GET /login sets. */
  spaMember: '/drops/members-only',
} as const;
export type SpaPage = keyof typeof SPA_PAGES;

export const SPA_SCRIPT = '/static/app.7c1e.js';
export const SPA_NEVER_SCRIPT = '/static/never.js';
export const SPA_STOCK = '/api/stock';
export const SPA_LOGIN = '/login';
export const SPA_SESSION_COOKIE = '_spa_session';
/** How long the script waits before it asks for the stock, unless the sim is told otherwise. */
export const DEFAULT_SPA_DELAY_MS = 300;

const variantOf = (pathname: string): SpaPage | null =>
  (Object.entries(SPA_PAGES).find(([, path]) => path === pathname)?.[0] as SpaPage | undefined) ?? null;

export const isSpaPage = (pathname: string) => variantOf(pathname) !== null;

/** The shell: no readable text, one script. Framing headers for spaDeny. */
export function spaShell(pathname: string, delayMs: number): { body: string; headers: Record<string, string> } {
  const variant = variantOf(pathname) ?? 'spaJsonLd';
  const script = variant === 'spaHang' ? SPA_NEVER_SCRIPT : SPA_SCRIPT;
  const hide = variant === 'spaBust' ? '<style id="antiClickjack">html{display:none}</style>' : '';
  const body = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Drops – Peakline</title>
${hide}
<script defer src="${script}"></script>
</head>
<body>
<div id="root" data-page="${pathname}" data-variant="${variant}" data-delay="${delayMs}"></div>
<noscript>You need to enable JavaScript to run this app.</noscript>
</body>
</html>
`;
  const headers: Record<string, string> =
    variant === 'spaDeny' ? { 'x-frame-options': 'DENY', 'content-security-policy': "frame-ancestors 'none'" } : {};
  return { body, headers };
}

/** The stock endpoint's answer for one page: signedIn false only where a session is needed and missing. */
export function spaStock(state: Availability, signedIn: boolean): string {
  return JSON.stringify(signedIn ? { signedIn: true, available: state === 'open', left: state === 'open' ? 7 : 0 } : { signedIn: false });
}

/**
 * The app: one script for every page, building the DOM with createElement (as frameworks do).
 * spaBust leaves the frame first; framed, that throws and nothing is built (its style hides it).
 */
export const SPA_APP = `(function () {
  var root = document.getElementById('root');
  if (!root) return;
  var page = root.getAttribute('data-page');
  var variant = root.getAttribute('data-variant');
  var delay = Number(root.getAttribute('data-delay')) || 0;
  if (variant === 'spaBust') {
    if (window.top !== window.self) { window.top.location = window.location.href; }
    var guard = document.getElementById('antiClickjack');
    if (guard) guard.parentNode.removeChild(guard);
  }
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    for (var k in attrs) node.setAttribute(k, attrs[k]);
    if (text) node.textContent = text;
    return node;
  }
  function build(stock) {
    var main = el('main', { id: 'product' });
    main.appendChild(el('h1', {}, 'Peakline Trail Shoe – Limited Drop'));
    main.appendChild(el('p', { 'class': 'price' }, '$180.00'));
    if (!stock.signedIn) {
      main.appendChild(el('p', { 'class': 'gate' }, 'Sign in to see availability for members-only drops.'));
    } else {
      if (variant !== 'spaButton') {
        var ld = el('script', { type: 'application/ld+json' });
        ld.textContent = JSON.stringify({ '@context': 'https://schema.org', '@type': 'Product', name: 'Peakline Trail Shoe', sku: 'PTS-1',
          offers: { '@type': 'Offer', price: '180.00', priceCurrency: 'USD',
            availability: stock.available ? 'https://schema.org/InStock' : 'https://schema.org/OutOfStock' } });
        main.appendChild(ld);
      }
      var box = el('div', { id: 'buy-box', 'data-testid': 'buy-box' });
      var button = el('button', { type: 'button', 'class': 'buy' }, stock.available ? 'Add to cart' : 'Sold out');
      if (!stock.available) button.setAttribute('disabled', '');
      box.appendChild(button);
      main.appendChild(box);
    }
    root.appendChild(main);
  }
  setTimeout(function () {
    fetch('${SPA_STOCK}?page=' + encodeURIComponent(page), { credentials: 'include' })
      .then(function (r) { return r.json(); })
      .then(build);
  }, delay);
})();
`;

/** Whether a page's stock needs the session cookie. */
export const needsSession = (pathname: string) => variantOf(pathname) === 'spaMember';
