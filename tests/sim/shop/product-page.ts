// Realistic product pages, built the way a Shopify-style theme renders them: head with critical
// CSS, theme strings and JSON-LD, a mega menu, a buy box, collapsible tabs, many reviews with inline
// SVG stars, related products, a footer and trailing JSON state. Deterministic (seeded), so one
// state always yields the same bytes (and the same ETag); paused and open differ only where a real
// shop's would: JSON-LD availability, the buy box, the badge and the variant JSON.
//
// Filler (reviews and a recommendations blob) brings a page to its target size and is the same in
// both states. Nothing outside the buy box and hidden/script parts says "sold out", "add to cart",
// "in stock" or the like, so the visible text agrees with the structured data.

export type Availability = 'paused' | 'open';

export interface Product {
  store: string;
  handle: string;
  name: string;
  brand: string;
  sku: string;
  price: string;
  currency: string;
  category: string;
  colours: readonly string[];
  /** Bytes the page should weigh, give or take a few hundred. */
  targetBytes: number;
}

export const byteLength = (s: string) => Buffer.byteLength(s, 'utf8');

/** A small seeded PRNG (mulberry32) so pages are the same on every run. */
export function seeded(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STAR =
  '<svg aria-hidden="true" focusable="false" class="icon icon-star" viewBox="0 0 20 20" width="16" height="16"><path d="M10 1.5l2.63 5.33 5.87.85-4.25 4.14 1 5.85L10 14.9l-5.25 2.77 1-5.85L1.5 7.68l5.87-.85L10 1.5z" fill="currentColor"/></svg>';

function criticalCss(rnd: () => number): string {
  const rules: string[] = [
    ':root{--font-body-family:Assistant,sans-serif;--font-heading-family:Assistant,sans-serif;--color-base-text:18,18,18;--color-base-background-1:255,255,255;--page-width:120rem;--buttons-radius:0px;--inputs-radius:0px}',
    '*,*::before,*::after{box-sizing:inherit}html{box-sizing:border-box;font-size:62.5%;height:100%}body{display:grid;grid-template-rows:auto auto 1fr auto;grid-template-columns:100%;min-height:100%;margin:0;font-size:1.5rem;letter-spacing:.06rem;line-height:calc(1 + .8 / var(--font-body-scale,1));font-family:var(--font-body-family)}',
  ];
  for (let i = 1; i <= 6; i++) {
    rules.push(
      `.grid--${i}-col .grid__item{width:calc(${(100 / i).toFixed(4)}% - var(--grid-mobile-horizontal-spacing) * ${i - 1} / ${i});max-width:calc(${(100 / i).toFixed(4)}% - var(--grid-mobile-horizontal-spacing) * ${i - 1} / ${i})}`,
      `@media screen and (min-width:750px){.grid--${i}-col-tablet .grid__item{width:calc(${(100 / i).toFixed(4)}% - var(--grid-desktop-horizontal-spacing) * ${i - 1} / ${i})}}`,
      `@media screen and (min-width:990px){.grid--${i}-col-desktop .grid__item{width:calc(${(100 / i).toFixed(4)}% - var(--grid-desktop-horizontal-spacing) * ${i - 1} / ${i})}}`,
    );
  }
  for (const name of ['button', 'badge', 'card', 'drawer', 'header', 'menu-drawer', 'product-form', 'price', 'review', 'footer']) {
    const pad = 4 + Math.floor(rnd() * 12);
    rules.push(
      `.${name}{position:relative;display:flex;flex-wrap:wrap;align-items:center;padding:${pad / 10}rem ${(pad * 1.5) / 10}rem;margin:0;border:.1rem solid rgba(var(--color-foreground),.${Math.floor(rnd() * 90 + 10)});transition:box-shadow var(--duration-short) ease,color var(--duration-short) ease}`,
      `.${name}:hover,.${name}:focus-visible{box-shadow:0 0 0 .${Math.floor(rnd() * 4 + 1)}rem rgba(var(--color-foreground),.55);outline:.2rem solid transparent}`,
      `.${name}__inner{display:grid;gap:${(pad / 10).toFixed(1)}rem;grid-template-columns:repeat(auto-fill,minmax(${12 + pad}rem,1fr))}`,
      `.${name}--secondary{--color-button:var(--color-secondary-button);--color-button-text:var(--color-secondary-button-text)}`,
    );
  }
  return rules.join('');
}

const MENU = [
  [
    'Packs',
    ['Daypacks', 'Backpacking packs', 'Travel packs', 'Hydration packs', 'Kids packs', 'Pack accessories', 'Rain covers', 'Packing cubes'],
  ],
  ['Shelter', ['Tents', 'Ultralight tents', 'Tarps', 'Bivy sacks', 'Footprints', 'Stakes and guylines', 'Hammocks', 'Shelter repair']],
  ['Sleep', ['Sleeping bags', 'Quilts', 'Sleeping pads', 'Pillows', 'Liners', 'Compression sacks', 'Camp blankets', 'Cots']],
  ['Footwear', ['Trail runners', 'Hiking boots', 'Approach shoes', 'Sandals', 'Socks', 'Gaiters', 'Insoles', 'Laces']],
  ['Clothing', ['Rain jackets', 'Insulated jackets', 'Fleece', 'Base layers', 'Hiking pants', 'Shorts', 'Hats', 'Gloves']],
  ['Kitchen', ['Stoves', 'Fuel', 'Cookware', 'Mugs', 'Utensils', 'Water filters', 'Bottles', 'Food storage']],
] as const;

function megaMenu(): string {
  const items = MENU.map(([top, links]) => {
    const slug = top.toLowerCase();
    const cols = [0, 1].map(
      (c) =>
        `<ul class="mega-menu__list" role="list">${links
          .slice(c * 4, c * 4 + 4)
          .map(
            (l) =>
              `<li><a href="/collections/${slug}-${l.toLowerCase().replace(/[^a-z]+/g, '-')}" class="mega-menu__link link link--text">${l}</a></li>`,
          )
          .join('')}</ul>`,
    );
    return `<li><header-menu><details id="Details-HeaderMenu-${slug}" class="mega-menu"><summary class="header__menu-item list-menu__item link focus-inset"><span>${top}</span><svg aria-hidden="true" focusable="false" class="icon icon-caret" viewBox="0 0 10 6"><path fill-rule="evenodd" clip-rule="evenodd" d="M9.354.646a.5.5 0 00-.708 0L5 4.293 1.354.646a.5.5 0 00-.708.708l4 4a.5.5 0 00.708 0l4-4a.5.5 0 000-.708z" fill="currentColor"></path></svg></summary><div id="MegaMenu-Content-${slug}" class="mega-menu__content gradient motion-reduce global-settings-popup" tabindex="-1"><div class="mega-menu__inner page-width">${cols.join('')}<a href="/collections/${slug}" class="mega-menu__link mega-menu__link--level-2 link">Shop all ${slug}</a></div></div></details></header-menu></li>`;
  });
  return `<nav class="header__inline-menu"><ul class="list-menu list-menu--inline" role="list">${items.join('')}<li><a href="/collections/sale" class="header__menu-item list-menu__item link link--text focus-inset"><span>Sale</span></a></li><li><a href="/pages/journal" class="header__menu-item list-menu__item link link--text focus-inset"><span>Journal</span></a></li></ul></nav>`;
}

const FIRST = [
  'Maya',
  'Jonas',
  'Priya',
  'Tom',
  'Aiko',
  'Luis',
  'Grace',
  'Omar',
  'Elin',
  'Sam',
  'Rita',
  'Ben',
  'Noor',
  'Felix',
  'Hana',
  'Dev',
];
const LAST = 'ABCDEFGHJKLMNPRSTVW';
const TITLES = [
  'Great all-rounder',
  'Comfortable on long days',
  'Exactly what I wanted',
  'Solid build, a few quirks',
  'Worth every penny',
  'My go-to for weekends',
  'Better than my old one',
  'Good, not perfect',
  'Holds up to real use',
  'Light and tough',
  'Would recommend',
  'Nice details throughout',
];
const SENTENCES = [
  'Used it on a three-day loop in the Cascades and it held up well.',
  'The fit took a little adjusting but once dialled in it was very comfortable.',
  'Stitching is clean and the zips run smoothly even when it is packed full.',
  'I am 1.85 m and the torso length suits me fine.',
  'The colour is a bit darker than in the photos, which I actually prefer.',
  'After two months of daily commuting it still looks new.',
  'Side pockets are deep enough for a litre bottle, which matters to me.',
  'Rain kept out for a full afternoon of drizzle with no cover on.',
  'It arrived quickly and the packaging was mostly recycled cardboard.',
  'Customer service answered my sizing question within a day.',
  'The hip belt could use a little more padding for heavy loads.',
  'Compared with my previous one, this is lighter and better organised.',
  'My partner borrowed it for a trip and now wants one too.',
  'Fabric feels robust and has shrugged off scrapes on granite.',
  'There are plenty of lash points for poles and a foam pad.',
  'The internal sleeve fits a 3 litre reservoir without fuss.',
  'Ventilation is decent; my back still gets warm on steep climbs.',
  'The buckles are sturdy and easy to use with gloves on.',
  'I took it through two airports as carry-on without any trouble.',
  'The warranty was a big reason I picked this brand.',
  'Sizing chart was accurate for me.',
  'I wish the lid pocket were a little larger.',
  'It carries a full week of food comfortably.',
  'Straps stay put and do not slip while walking.',
];

function review(rnd: () => number, i: number, productName: string): string {
  const rating = rnd() < 0.55 ? 5 : rnd() < 0.7 ? 4 : 3;
  const name = `${pick(rnd, FIRST)} ${LAST[Math.floor(rnd() * LAST.length)]}.`;
  const month = 1 + Math.floor(rnd() * 12);
  const day = 1 + Math.floor(rnd() * 28);
  const year = 2023 + Math.floor(rnd() * 3);
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const sentences = Array.from({ length: 2 + Math.floor(rnd() * 4) }, () => pick(rnd, SENTENCES)).join(' ');
  const helpful = Math.floor(rnd() * 40);
  const stars = STAR.repeat(rating) + STAR.replace('fill="currentColor"', 'fill="none" stroke="currentColor"').repeat(5 - rating);
  return `<article class="review" id="review-${9000 + i}" data-review-id="${9000 + i}" data-rating="${rating}"><div class="review__header"><span class="review__stars" role="img" aria-label="Rated ${rating} out of 5">${stars}</span><h3 class="review__title h5">${esc(pick(rnd, TITLES))}</h3></div><p class="review__meta caption"><span class="review__author">${esc(name)}</span> <span class="review__verified">Verified buyer</span> · <time datetime="${date}">${date}</time></p><div class="review__body rte"><p>${esc(sentences)}</p></div><p class="review__product caption-with-letter-spacing">Reviewed: ${esc(productName)}</p><div class="review__footer"><span>Was this helpful?</span> <button type="button" class="review__vote link" data-vote="up">Yes (${helpful})</button> <button type="button" class="review__vote link" data-vote="down">No (${Math.floor(helpful / 6)})</button> <a href="#review-${9000 + i}" class="review__report link">Report</a></div></article>\n`;
}

/** Reviews to about `budget` bytes, then a recommendations blob for the rest. Same in both states. */
function filler(p: Product, budget: number): { reviews: string; blob: string; count: number } {
  const rnd = seeded(`${p.sku}:filler`);
  const reviewBudget = Math.max(0, Math.floor(budget * 0.72));
  const parts: string[] = [];
  let size = 0;
  while (size < reviewBudget) {
    const r = review(rnd, parts.length, p.name);
    if (size + byteLength(r) > reviewBudget && parts.length) break;
    parts.push(r);
    size += byteLength(r);
  }
  const reviews = parts.join('');
  const items: string[] = [];
  let blobSize = 64;
  const blobBudget = budget - size;
  for (let i = 0; blobSize < blobBudget; i++) {
    const item = JSON.stringify({
      id: 7_100_000_000 + i * 7919,
      handle: `${pick(rnd, MENU)[0].toLowerCase()}-${i}`,
      title: `${pick(rnd, ['Ridge', 'Cirque', 'Talus', 'Scree', 'Cairn', 'Col', 'Tarn', 'Arete'])} ${pick(rnd, ['Pack', 'Jacket', 'Tent', 'Quilt', 'Stove', 'Boot', 'Filter', 'Pad'])} ${10 + Math.floor(rnd() * 80)}`,
      price: 1900 + Math.floor(rnd() * 40000),
      image: `//cdn.shop.example/s/files/1/0612/products/rec-${i}.jpg?v=${1700000000 + Math.floor(rnd() * 9999999)}`,
      tags: [pick(rnd, ['new', 'bestseller', 'staff-pick', 'recycled']), pick(rnd, ['ultralight', 'waterproof', 'warm', 'durable'])],
      score: Math.round(rnd() * 1000) / 1000,
    });
    if (blobSize + item.length + 1 > blobBudget && items.length) break;
    items.push(item);
    blobSize += item.length + 1;
  }
  return { reviews, blob: `{"source":"recommendations","v":3,"items":[${items.join(',')}]}`, count: parts.length };
}

function jsonLd(p: Product, host: string, path: string, state: Availability, reviewCount: number): string {
  const availability = state === 'open' ? 'https://schema.org/InStock' : 'https://schema.org/OutOfStock';
  const url = `https://${host}${path}`;
  const product = {
    '@context': 'https://schema.org/',
    '@type': 'Product',
    '@id': `${url}#product`,
    name: p.name,
    url,
    image: [1, 2, 3].map((n) => `https://cdn.${host}/s/files/1/0612/products/${p.handle}-${n}.jpg`),
    description: `${p.name} by ${p.brand}. Designed for long days outside and built to last.`,
    sku: p.sku,
    mpn: `${p.sku}-2025`,
    brand: { '@type': 'Brand', name: p.brand },
    category: p.category,
    aggregateRating: { '@type': 'AggregateRating', ratingValue: '4.6', reviewCount: String(reviewCount) },
    offers: p.colours.map((colour, i) => ({
      '@type': 'Offer',
      url: `${url}?variant=${4400000000 + i}`,
      sku: `${p.sku}-${colour.toUpperCase().replace(/\s+/g, '')}`,
      name: `${p.name} - ${colour}`,
      priceCurrency: p.currency,
      price: p.price,
      priceValidUntil: '2026-12-31',
      itemCondition: 'https://schema.org/NewCondition',
      availability,
      seller: { '@type': 'Organization', name: p.store },
    })),
  };
  const crumbs = {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: [
      { '@type': 'ListItem', position: 1, name: 'Home', item: `https://${host}/` },
      { '@type': 'ListItem', position: 2, name: p.category, item: `https://${host}/collections/${p.category.toLowerCase()}` },
      { '@type': 'ListItem', position: 3, name: p.name, item: url },
    ],
  };
  const org = {
    '@context': 'http://schema.org',
    '@type': 'Organization',
    name: p.store,
    logo: `https://cdn.${host}/s/files/1/0612/files/logo.png`,
    sameAs: ['https://social.example/northwind', 'https://video.example/@northwind'],
    url: `https://${host}`,
  };
  return [org, product, crumbs].map((o) => `<script type="application/ld+json">\n${JSON.stringify(o, null, 2)}\n</script>`).join('\n');
}

function buyBox(state: Availability): string {
  if (state === 'open') {
    return `<p class="product__inventory" id="Inventory-main"><svg aria-hidden="true" width="15" height="15" viewBox="0 0 15 15"><circle cx="7.5" cy="7.5" r="7.5" fill="rgb(62,214,96)" fill-opacity="0.3"/><circle cx="7.5" cy="7.5" r="5" fill="rgb(62,214,96)"/></svg> In stock, ready to ship</p>
<div class="product-form__buttons"><button id="ProductSubmitButton-main" type="submit" name="add" class="product-form__submit button button--full-width button--secondary"><span>Add to cart</span><div class="loading-overlay__spinner hidden"></div></button>
<div data-shopify="payment-button" class="shopify-payment-button"><button type="button" class="shopify-payment-button__button shopify-payment-button__button--unbranded">Buy it now</button></div></div>`;
  }
  return `<div class="product-form__buttons"><button id="ProductSubmitButton-main" type="submit" name="add" class="product-form__submit button button--full-width button--secondary" disabled><span>Sold out</span><div class="loading-overlay__spinner hidden"></div></button></div>
<div class="back-in-stock" id="BackInStock-main"><p class="back-in-stock__note">This colour will be back. Leave your email and we will write once.</p><button type="button" class="button button--tertiary back-in-stock__open">Notify me when available</button></div>`;
}

function footer(store: string): string {
  const cols = [
    ['Shop', ['New arrivals', 'Best sellers', 'Gift cards', 'Sale', 'Bundles', 'Repairs']],
    ['Help', ['Shipping', 'Returns and exchanges', 'Warranty', 'Size guide', 'Contact us', 'Order status']],
    ['About', ['Our story', 'Materials', 'Stewardship', 'Careers', 'Press', 'Wholesale']],
    ['Community', ['Journal', 'Events', 'Ambassadors', 'Trail reports', 'Gear library', 'Newsletter']],
  ] as const;
  const pay = ['Visa', 'Mastercard', 'American Express', 'PayPal', 'Apple Pay', 'Google Pay', 'Shop Pay', 'Klarna'];
  const icons = pay
    .map(
      (name, i) =>
        `<li class="list-payment__item"><svg class="icon icon--full-color" viewBox="0 0 38 24" width="38" height="24" role="img" aria-labelledby="pi-${i}"><title id="pi-${i}">${name}</title><path opacity=".07" d="M35 0H3C1.3 0 0 1.3 0 3v18c0 1.7 1.4 3 3 3h32c1.7 0 3-1.3 3-3V3c0-1.7-1.4-3-3-3z"/><path fill="#fff" d="M35 1c1.1 0 2 .9 2 2v18c0 1.1-.9 2-2 2H3c-1.1 0-2-.9-2-2V3c0-1.1.9-2 2-2h32"/><path d="M${12 + i} ${7 + (i % 3)}c${(i * 1.7).toFixed(1)} 0 ${(3 + i * 0.4).toFixed(1)} 1.${i}-${(2 + i * 0.3).toFixed(1)} 3.${i}l-.${i + 1}-${(1.2 + i / 10).toFixed(1)}c-.${i + 2} 2.${i}-4.${i} 4.${i}-6.${i} 4.${i}z" fill="#${((i * 2654435761) >>> 8).toString(16).slice(0, 6).padStart(6, '0')}"/></svg></li>`,
    )
    .join('');
  return `<footer class="footer color-background-1 gradient section-footer-padding"><div class="footer__content-top page-width"><div class="footer__blocks-wrapper grid grid--1-col grid--2-col grid--4-col-tablet">${cols
    .map(
      ([title, links]) =>
        `<div class="footer-block grid__item footer-block--menu"><h2 class="footer-block__heading inline-richtext">${title}</h2><ul class="footer-block__details-content list-unstyled">${links
          .map(
            (l) =>
              `<li><a href="/pages/${l.toLowerCase().replace(/[^a-z]+/g, '-')}" class="link link--text list-menu__item list-menu__item--link">${l}</a></li>`,
          )
          .join('')}</ul></div>`,
    )
    .join(
      '',
    )}</div><div class="footer-block--newsletter"><h2 class="footer-block__heading">Trail notes, once a month</h2><form method="post" action="/contact#ContactFooter" id="ContactFooter" accept-charset="UTF-8" class="footer__newsletter newsletter-form"><input type="hidden" name="form_type" value="customer"><input type="hidden" name="utf8" value="✓"><input type="hidden" name="contact[tags]" value="newsletter"><div class="newsletter-form__field-wrapper"><div class="field"><input id="NewsletterForm--footer" type="email" name="contact[email]" class="field__input" value="" aria-required="true" autocorrect="off" autocapitalize="off" autocomplete="email" placeholder="Email" required><label class="field__label" for="NewsletterForm--footer">Email</label><button type="submit" class="newsletter-form__button field__button" name="commit" aria-label="Subscribe">Subscribe</button></div></div></form></div></div><div class="footer__content-bottom"><div class="footer__payment"><span class="visually-hidden">Payment methods</span><ul class="list list-payment" role="list">${icons}</ul></div><div class="footer__copyright caption"><small class="copyright__content">&copy; 2025, <a href="/" title="">${esc(store)}</a></small> <small class="copyright__content"><a href="/policies/privacy-policy">Privacy policy</a> · <a href="/policies/terms-of-service">Terms of service</a> · <a href="/policies/refund-policy">Refund policy</a></small></div></div></footer>`;
}

function related(p: Product, host: string): string {
  const rnd = seeded(`${p.sku}:related`);
  const cards = Array.from({ length: 8 }, (_, i) => {
    const title = `${pick(rnd, ['Ridge', 'Cirque', 'Talus', 'Scree', 'Cairn', 'Tarn'])} ${pick(rnd, ['Daypack 22', 'Sling 6', 'Duffel 45', 'Hip Pack 3', 'Tote 18', 'Roll-top 28'])}`;
    const price = (39 + Math.floor(rnd() * 160)).toFixed(2);
    const handle = `${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${i}`;
    const widths = [165, 360, 533, 720, 940, 1066];
    const srcset = widths.map((w) => `//cdn.${host}/s/files/1/0612/products/${handle}.jpg?v=1718030000&width=${w} ${w}w`).join(', ');
    return `<li class="grid__item"><div class="card-wrapper product-card-wrapper underline-links-hover"><div class="card card--standard card--media"><div class="card__inner ratio" style="--ratio-percent:125%;"><div class="card__media"><div class="media media--transparent media--hover-effect"><img srcset="${srcset}" src="//cdn.${host}/s/files/1/0612/products/${handle}.jpg?v=1718030000&width=533" sizes="(min-width: 1200px) 267px, (min-width: 990px) calc((100vw - 130px) / 4), (min-width: 750px) calc((100vw - 120px) / 3), calc((100vw - 35px) / 2)" alt="${esc(title)}" class="motion-reduce" loading="lazy" width="1600" height="2000"></div></div></div><div class="card__content"><div class="card__information"><h3 class="card__heading h5"><a href="/products/${handle}" class="full-unstyled-link">${esc(title)}</a></h3><div class="card-information"><div class="price"><span class="price-item price-item--regular">$${price} USD</span></div></div></div></div></div></div></li>`;
  });
  return `<section class="related-products page-width" id="Recommendations"><h2 class="related-products__heading h2">You may also like</h2><ul class="grid product-grid grid--2-col grid--4-col-desktop" role="list">${cards.join('')}</ul></section>`;
}

function tabs(p: Product): string {
  const panes = [
    [
      'Materials',
      `Body: 210D recycled nylon ripstop with a C0 DWR finish. Base: 420D recycled nylon. Frame: 6061 aluminium stay. Foam: closed-cell EVA, perforated for airflow. ${p.brand} does not use PFAS in any water-repellent finish.`,
    ],
    [
      'Shipping and returns',
      'Free standard shipping on orders over $75 within the contiguous United States. Orders leave our warehouse within two business days. Unused items can be returned within 30 days for a refund; used items are covered by our repair programme.',
    ],
    [
      'Care',
      'Empty all pockets and shake out debris. Hand wash in lukewarm water with a mild soap, rinse thoroughly and hang to dry out of direct sunlight. Do not machine wash, tumble dry or iron.',
    ],
    [
      'Warranty',
      `Every ${p.brand} product carries a lifetime warranty against defects in materials and workmanship. Wear and tear is repaired at a fair price.`,
    ],
  ];
  return panes
    .map(
      ([title, text], i) =>
        `<div class="product__accordion accordion quick-add-hidden"><details id="Details-collapsible-row-${i}"><summary><div class="summary__title"><svg class="icon icon-accordion color-foreground-text" aria-hidden="true" focusable="false" viewBox="0 0 20 20"><path d="M10 2a8 8 0 100 16 8 8 0 000-16zm0 14.5a6.5 6.5 0 110-13 6.5 6.5 0 010 13z"/></svg><h2 class="h4 accordion__title inline-richtext">${title}</h2></div><svg aria-hidden="true" focusable="false" class="icon icon-caret" viewBox="0 0 10 6"><path fill-rule="evenodd" d="M9.354.646a.5.5 0 00-.708 0L5 4.293 1.354.646a.5.5 0 00-.708.708l4 4a.5.5 0 00.708 0l4-4a.5.5 0 000-.708z" fill="currentColor"></path></svg></summary><div class="accordion__content rte" id="ProductAccordion-collapsible-row-${i}"><p>${esc(text ?? '')}</p></div></details></div>`,
    )
    .join('');
}

function gallery(p: Product, host: string): string {
  const widths = [246, 493, 600, 713, 823, 990, 1100, 1206, 1346, 1426, 1646, 1946];
  return `<ul class="product__media-list contains-media grid grid--peek list-unstyled slider slider--mobile" role="list">${[
    1, 2, 3, 4, 5, 6,
  ]
    .map((n) => {
      const src = `//cdn.${host}/s/files/1/0612/products/${p.handle}-${n}.jpg?v=1718030${n}00`;
      const srcset = widths.map((w) => `${src}&width=${w} ${w}w`).join(', ');
      return `<li id="Slide-main-${4200 + n}" class="product__media-item grid__item slider__slide${n === 1 ? ' is-active' : ''}" data-media-id="main-${4200 + n}"><div class="product-media-container media-type-image media-fit-contain global-media-settings gradient constrain-height" style="--ratio:0.8;--preview-ratio:0.8;"><modal-opener class="product__modal-opener product__modal-opener--image no-js-hidden" data-modal="#ProductModal-main"><span class="product__media-icon motion-reduce quick-add-hidden product__media-icon--lightbox" aria-hidden="true"><svg aria-hidden="true" focusable="false" class="icon icon-plus" width="19" height="19" viewBox="0 0 19 19"><path fill-rule="evenodd" clip-rule="evenodd" d="M4.66724 7.93978C4.66655 7.66364 4.88984 7.43922 5.16598 7.43853L10.6996 7.42464C10.9758 7.42395 11.2002 7.64724 11.2009 7.92339C11.2016 8.19953 10.9783 8.42395 10.7021 8.42464L5.16849 8.43852C4.89235 8.43922 4.66793 8.21592 4.66724 7.93978Z" fill="currentColor"/></svg></span><div class="product__media media media--transparent"><img src="${src}&width=1946" alt="${esc(p.name)}, view ${n}" srcset="${srcset}" width="1946" height="2432" class="image-magnify-lightbox" sizes="(min-width: 1200px) 715px, (min-width: 990px) calc(65.0vw - 10rem), (min-width: 750px) calc((100vw - 11.5rem) / 2), calc(100vw / 1 - 4rem)" loading="${n === 1 ? 'eager' : 'lazy'}"></div><button class="product__media-toggle quick-add-hidden product__media-zoom-lightbox" type="button" aria-haspopup="dialog" data-media-id="${4200 + n}"><span class="visually-hidden">Open media ${n} in modal</span></button></modal-opener></div></li>`;
    })
    .join('')}</ul>`;
}

/** The page, for a filler computed once per product (so both states share it). */
function render(p: Product, host: string, path: string, state: Availability, fill: ReturnType<typeof filler>): string {
  const rnd = seeded(`${p.sku}:page`);
  const open = state === 'open';
  const variantJson = JSON.stringify({
    id: 8_800_000_000,
    title: p.name,
    handle: p.handle,
    vendor: p.brand,
    type: p.category,
    price: Math.round(Number(p.price) * 100),
    available: open,
    variants: p.colours.map((c, i) => ({
      id: 4_400_000_000 + i,
      title: c,
      option1: c,
      sku: `${p.sku}-${c.toUpperCase().replace(/\s+/g, '')}`,
      available: open,
      inventory_management: 'shopify',
      price: Math.round(Number(p.price) * 100),
      barcode: `07${Math.floor(rnd() * 1e10)}`,
    })),
  });
  const colours = p.colours
    .map(
      (c, i) =>
        `<input type="radio" id="template--main-1-${i}" name="Colour" value="${esc(c)}" form="product-form-main"${i === 0 ? ' checked' : ''}${open ? '' : ' class="disabled"'}><label for="template--main-1-${i}">${esc(c)}<span class="visually-hidden label-unavailable">${open ? '' : 'Variant sold out or unavailable'}</span></label>`,
    )
    .join('');
  return `<!doctype html>
<html class="no-js" lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="theme-color" content="">
<link rel="canonical" href="https://${host}${path}">
<link rel="preconnect" href="https://cdn.${host}" crossorigin>
<link rel="icon" type="image/png" href="//cdn.${host}/s/files/1/0612/files/favicon.png?crop=center&height=32&v=1718030000&width=32">
<title>${esc(p.name)} – ${esc(p.store)}</title>
<meta name="description" content="${esc(p.name)} by ${esc(p.brand)}. Designed for long days outside and built to last. Free shipping over $75.">
<meta property="og:site_name" content="${esc(p.store)}">
<meta property="og:url" content="https://${host}${path}">
<meta property="og:title" content="${esc(p.name)}">
<meta property="og:type" content="product">
<meta property="og:description" content="${esc(p.name)} by ${esc(p.brand)}.">
<meta property="og:image" content="http://cdn.${host}/s/files/1/0612/products/${p.handle}-1.jpg?v=1718030100">
<meta property="og:price:amount" content="${p.price}">
<meta property="og:price:currency" content="${p.currency}">
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:title" content="${esc(p.name)}">
<script src="//cdn.${host}/cdn/shop/t/12/assets/constants.js?v=58251544750838685771718030000" defer="defer"></script>
<script src="//cdn.${host}/cdn/shop/t/12/assets/pubsub.js?v=158357773527763999511718030000" defer="defer"></script>
<script src="//cdn.${host}/cdn/shop/t/12/assets/global.js?v=37284204640041572741718030000" defer="defer"></script>
<script>window.shopUrl = 'https://${host}'; window.routes = { cart_add_url: '/cart/add', cart_change_url: '/cart/change', cart_update_url: '/cart/update', cart_url: '/cart', predictive_search_url: '/search/suggest' }; window.cartStrings = { error: 'There was an error while updating your cart. Please try again.', quantityError: 'You can only add [quantity] of this item to your cart.' }; window.variantStrings = { addToCart: 'Add to cart', soldOut: 'Sold out', unavailable: 'Unavailable', unavailable_with_option: '[value] - Unavailable' }; window.accessibilityStrings = { imageAvailable: 'Image [index] is now available in gallery view', shareSuccess: 'Link copied to clipboard' };</script>
<style data-shopify>${criticalCss(rnd)}</style>
<link href="//cdn.${host}/cdn/shop/t/12/assets/base.css?v=144968985024194912401718030000" rel="stylesheet" type="text/css" media="all">
${jsonLd(p, host, path, state, fill.count)}
</head>
<body class="gradient template-product">
<a class="skip-to-content-link button visually-hidden" href="#MainContent">Skip to content</a>
<cart-drawer class="drawer is-empty"><div id="CartDrawer" class="cart-drawer" hidden><div class="drawer__inner" role="dialog" aria-modal="true" aria-label="Your cart" tabindex="-1"><div class="drawer__inner-empty"><div class="cart-drawer__warnings center"><div class="cart-drawer__empty-content"><h2 class="cart__empty-text">Your cart is empty</h2><a href="/collections/all" class="button">Continue shopping</a></div></div></div></div></div></cart-drawer>
<div class="announcement-bar color-accent-1 gradient" role="region" aria-label="Announcement"><div class="page-width"><p class="announcement-bar__message h5"><span>Free shipping on orders over $75 · Lifetime repairs</span></p></div></div>
<sticky-header data-sticky-type="on-scroll-up" class="header-wrapper color-background-1 gradient header-wrapper--border-bottom"><header class="header header--middle-left header--mobile-center page-width header--has-menu"><a href="/" class="header__heading-link link link--text focus-inset"><span class="h2">${esc(p.store)}</span></a>${megaMenu()}<div class="header__icons"><a href="/search" class="header__icon header__icon--search link focus-inset"><span class="visually-hidden">Search</span></a><a href="/account/login" class="header__icon header__icon--account link focus-inset"><span class="visually-hidden">Log in</span></a><a href="/cart" class="header__icon header__icon--cart link focus-inset" id="cart-icon-bubble"><span class="visually-hidden">Cart</span></a></div></header></sticky-header>
<main id="MainContent" class="content-for-layout focus-none" role="main" tabindex="-1">
<nav class="breadcrumbs page-width" aria-label="Breadcrumbs"><a href="/">Home</a> / <a href="/collections/${p.category.toLowerCase()}">${esc(p.category)}</a> / <span aria-current="page">${esc(p.name)}</span></nav>
<section id="shopify-section-main" class="shopify-section section"><section class="page-width section-main-padding"><div class="product product--large product--left product--stacked grid grid--1-col grid--2-col-tablet">
<div class="grid__item product__media-wrapper">${gallery(p, host)}</div>
<div class="product__info-wrapper grid__item"><section id="ProductInfo-main" class="product__info-container product__column-sticky">
<p class="product__text inline-richtext caption-with-letter-spacing">${esc(p.brand)}</p>
<div class="product__title"><h1>${esc(p.name)}</h1></div>
<div class="product__rating"><a href="#reviews" class="link">${STAR.repeat(5)} 4.6 (${fill.count} reviews)</a></div>
<div class="no-js-hidden" id="price-main" role="status"><div class="price price--large${open ? '' : ' price--sold-out'} price--show-badge"><div class="price__container"><div class="price__regular"><span class="visually-hidden visually-hidden--inline">Regular price</span><span class="price-item price-item--regular">$${p.price} ${p.currency}</span></div></div>${open ? '' : '<span class="badge price__badge-sold-out color-inverse">Sold out</span>'}</div></div>
<div class="product__tax caption rte">Taxes included. <a href="/policies/shipping-policy">Shipping</a> calculated at checkout.</div>
<variant-radios id="variant-radios-main" class="no-js-hidden"><fieldset class="js product-form__input"><legend class="form__label">Colour</legend>${colours}</fieldset><script type="application/json">${variantJson}</script></variant-radios>
<div class="product-form__input product-form__quantity"><label class="quantity__label form__label" for="Quantity-main">Quantity</label><quantity-input class="quantity"><button class="quantity__button no-js-hidden" name="minus" type="button"><span class="visually-hidden">Decrease quantity</span>−</button><input class="quantity__input" type="number" name="quantity" id="Quantity-main" min="1" value="1" form="product-form-main"><button class="quantity__button no-js-hidden" name="plus" type="button"><span class="visually-hidden">Increase quantity</span>+</button></quantity-input></div>
<product-form class="product-form"><form method="post" action="/cart/add" id="product-form-main" accept-charset="UTF-8" class="form" enctype="multipart/form-data" novalidate="novalidate" data-type="add-to-cart-form"><input type="hidden" name="form_type" value="product"><input type="hidden" name="utf8" value="✓"><input type="hidden" name="id" value="4400000000">
${buyBox(state)}
</form></product-form>
<div class="product__description rte quick-add-hidden"><p>The ${esc(p.name)} is our answer to trips that start before dawn and end after dark. A ventilated back panel keeps air moving, the load lifters and hip belt move weight onto your hips, and the pockets sit where your hands expect them.</p><p>Every panel is cut from recycled ripstop, bar-tacked at stress points and seam-sealed on the base. It is built in a family-run factory we have worked with since 2011, and it is backed by our lifetime repair programme.</p><ul><li>Ventilated suspended-mesh back panel</li><li>Adjustable torso length, 42–52 cm</li><li>Stretch side pockets for 1 L bottles</li><li>Hydration sleeve and port</li><li>Weight 1.38 kg</li></ul></div>
${tabs(p)}
<table class="product__specs"><caption>Specifications</caption><tbody>${[
    ['Weight', '1.38 kg'],
    ['Volume', '40 L'],
    ['Dimensions', '66 × 33 × 25 cm'],
    ['Fabric', '210D recycled nylon ripstop'],
    ['Frame', 'Aluminium stay'],
    ['Origin', 'Made in Vietnam'],
  ]
    .map(([k, v]) => `<tr><th scope="row">${k}</th><td>${v}</td></tr>`)
    .join('')}</tbody></table>
<share-button id="Share-main" class="share-button quick-add-hidden"><button class="share-button__button hidden"><span>Share</span></button></share-button>
</section></div></div></section></section>
<section id="reviews" class="reviews page-width"><h2 class="reviews__heading">Customer reviews</h2><div class="reviews__summary"><span class="reviews__average">4.6 out of 5</span> <span class="reviews__count">Based on ${fill.count} reviews</span> <a href="/pages/review?product=${p.handle}" class="button button--secondary">Write a review</a></div><div class="reviews__list">
${fill.reviews}</div></section>
${related(p, host)}
</main>
${footer(p.store)}
<script id="recommendations-state" type="application/json">${fill.blob}</script>
<script>window.ShopifyAnalytics = window.ShopifyAnalytics || {}; window.ShopifyAnalytics.meta = { product: { id: 8800000000, gid: 'gid://shopify/Product/8800000000', vendor: ${JSON.stringify(p.brand)}, type: ${JSON.stringify(p.category)} }, page: { pageType: 'product', resourceType: 'product', resourceId: 8800000000 } };</script>
</body>
</html>
`;
}

const fillers = new Map<string, ReturnType<typeof filler>>();

/** The page in one state; its size is `targetBytes` give or take a few hundred bytes. */
export function productPage(p: Product, host: string, path: string, state: Availability): string {
  const key = `${p.sku}|${host}|${path}|${p.targetBytes}`;
  let fill = fillers.get(key);
  if (!fill) {
    const bare = byteLength(render(p, host, path, 'paused', { reviews: '', blob: '{}', count: 0 }));
    fill = filler(p, Math.max(0, p.targetBytes - bare));
    fillers.set(key, fill);
  }
  return render(p, host, path, state, fill);
}
