// The pages issue 17's e2e suites serve on the shop simulator (as raw answers, so each state is
// exactly what a real shop would send): a graphics card that comes back first at a scalper's price,
// a shoe whose sizes come back one by one, and a console drop with a waiting room in front of it.
import type { RawPage } from '../sim/shop/server';

type Stock = 'InStock' | 'OutOfStock';

const shell = (title: string, jsonLd: unknown, body: string): RawPage => ({
  contentType: 'text/html; charset=utf-8',
  body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<script type="application/ld+json">${JSON.stringify(jsonLd)}</script></head>
<body><header><nav><a href="/">Northwind Supply</a> · <a href="/cart">Cart</a></nav></header>
<main><h1>${title}</h1>${body}</main><footer>© Northwind Supply · Shipping · Returns</footer></body></html>`,
});

/** RTX 5090 Founders Edition: one offer, its price and availability as the shop states them. */
export function gpuPage(availability: Stock, price: string): RawPage {
  const offer = { '@type': 'Offer', availability: `https://schema.org/${availability}`, price, priceCurrency: 'USD', sku: 'RTX5090FE' };
  const button = availability === 'InStock' ? '<button>Add to cart</button>' : '<button disabled>Sold out</button>';
  return shell(
    'GeForce RTX 5090 Founders Edition',
    { '@context': 'https://schema.org', '@type': 'Product', name: 'GeForce RTX 5090 Founders Edition', offers: offer },
    `<p class="price">$${price}</p>${button}<p>Free shipping on orders over $50.</p>`,
  );
}

export const SHOE_SIZES = ['40', '41', '42', '43', '44'] as const;

/** A trail shoe, one product per size in a ProductGroup; `inStock` are the sizes that can be ordered. */
export function shoePage(inStock: readonly string[]): RawPage {
  const variants = SHOE_SIZES.map((size) => ({
    '@type': 'Product',
    sku: `TRGTX-${size}`,
    name: `Trail Runner GTX, size ${size}`,
    size,
    offers: {
      '@type': 'Offer',
      price: '149.00',
      priceCurrency: 'USD',
      availability: `https://schema.org/${inStock.includes(size) ? 'InStock' : 'OutOfStock'}`,
    },
  }));
  const buttons = SHOE_SIZES.map((s) => `<button${inStock.includes(s) ? '' : ' disabled'}>${s}</button>`).join('');
  return shell(
    'Trail Runner GTX',
    {
      '@context': 'https://schema.org',
      '@type': 'ProductGroup',
      name: 'Trail Runner GTX',
      variesBy: 'https://schema.org/size',
      hasVariant: variants,
    },
    `<p class="price">$149.00</p><div class="sizes">${buttons}</div>`,
  );
}

/** A console drop's product page. */
export const consolePage = (availability: Stock): RawPage =>
  shell(
    'Northwind Console Pro — launch edition',
    {
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: 'Northwind Console Pro',
      offers: { '@type': 'Offer', price: '499.00', priceCurrency: 'USD', availability: `https://schema.org/${availability}` },
    },
    availability === 'InStock' ? '<button>Add to cart</button>' : '<p>Sold out. The next drop is announced on our socials.</p>',
  );

/** Cloudflare Waiting Room's default page, served in place of the product while the queue runs. */
export const waitingRoomPage = (): RawPage => ({
  contentType: 'text/html; charset=utf-8',
  headers: { 'cache-control': 'no-store', refresh: '20' },
  body: `<!DOCTYPE html><html lang="en-US"><head><meta charset="utf-8"><meta http-equiv="refresh" content="20">
<title>Waiting Room powered by Cloudflare</title></head>
<body><div class="container"><div id="content">
<h1 id="heading">You are now in line.</h1>
<h2 id="subheading">Thank you for your patience.</h2>
<p>We are experiencing a high volume of traffic. This page refreshes automatically; you will be sent to the site when it is your turn.</p>
<h2 id="waitTime">Your estimated wait time is 5 minutes.</h2>
<p id="last-updated">Last updated: 10:02:11</p>
</div><footer><span class="waitingrooms-text">Waiting Room powered by</span> <a href="https://www.cloudflare.com/">Cloudflare</a></footer></div></body></html>`,
});
