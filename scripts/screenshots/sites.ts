// The watched sites of the story, answering what the simulators in tests/sim answer (the same page
// builders), each on the story's virtual clock: a function of when it is asked.
import { createHash } from 'node:crypto';
import { apiBody, HTML, JSON_TYPE, signupPage } from '../../tests/sim/shop/pages';
import { type Availability, type Product, productPage } from '../../tests/sim/shop/product-page';
import { accountsAnswer } from '../../tests/sim/simulator';
import { response, type Site } from './simulate';

/** A stretch of the story, from (inclusive) to (exclusive). */
export interface Span {
  from: number;
  to: number;
}
export const within = (t: number, spans: readonly Span[]) => spans.some((s) => t >= s.from && t < s.to);

/** A page with the shop simulator's validators: the same body keeps its ETag, so an unchanged page is not read again. */
function page(url: string, body: string, contentType: string, status = 200): Response {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  return response(url, body, status, { 'content-type': contentType, etag, 'cache-control': 'no-cache', server: 'nginx' });
}

export type ChatGptAnswer = 'signed-out' | 'paused' | 'open' | 'bad-gateway';

/** chatgpt.com: the session endpoint and the accounts check, as tests/sim/simulator.ts answers them. */
export function chatgpt(answerAt: (at: number) => ChatGptAnswer): Site {
  return (url, at) => {
    const now = answerAt(at);
    const json = (body: unknown) => response(url, JSON.stringify(body), 200, { 'content-type': 'application/json' });
    if (new URL(url).pathname.startsWith('/api/auth/session')) {
      if (now === 'signed-out') return json({});
      return json({
        user: { id: 'user-sim', name: 'Sim User', email: 'sim.user@example.com', image: '', picture: '' },
        expires: new Date(at + 30 * 86_400_000).toISOString(),
        accessToken: 'sim-access-screenshots',
        authProvider: 'auth0',
      });
    }
    if (now === 'bad-gateway') {
      const body = '<html><head><title>502 Bad Gateway</title></head><body>Bad gateway</body></html>';
      return response(url, body, 502, { 'content-type': 'text/html' });
    }
    return json(accountsAnswer(now === 'open' ? 'open' : 'paused'));
  };
}

/** A graphics card on a shop: the product page with its JSON-LD offer, in stock during `inStock`. */
export const GPU: Product = {
  store: 'Northline Computers',
  handle: 'rtx-5090-founders-edition',
  name: 'GeForce RTX 5090 Founders Edition',
  brand: 'NVIDIA',
  sku: 'RTX5090-FE',
  price: '1999.00',
  currency: 'USD',
  category: 'Graphics cards',
  colours: ['Black'],
  targetBytes: 180 * 1024,
};

export function shop(product: Product, inStock: readonly Span[]): Site {
  return (url, at) => {
    const { host, pathname } = new URL(url);
    const state: Availability = within(at, inStock) ? 'open' : 'paused';
    return page(url, productPage(product, host, pathname, state), HTML);
  };
}

/** A GPU cloud's sign-up page, its "temporarily paused" banner shown outside `open`. */
export function signup(open: readonly Span[]): Site {
  return (url, at) => page(url, signupPage(within(at, open) ? 'open' : 'paused'), HTML);
}

/** The cloud's capacity endpoint: `{"data":{"available":false,"stock":0,…}}` outside `available`. */
export function capacityApi(available: readonly Span[]): Site {
  return (url, at) => page(url, apiBody(within(at, available) ? 'open' : 'paused'), JSON_TYPE);
}
