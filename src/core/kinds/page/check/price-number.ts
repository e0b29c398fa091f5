/**
 * A price as written in a page's data (JSON-LD, microdata, meta tags) to a number, in the
 * notations shops use: `1299.00`, `1,299.00`, `1.299,00`, `1 299,00`, `1'299.00`, `¥1,299`,
 * `1299.-`, `12,50 €`. Only what is plainly one number: anything else (a range, words, two
 * numbers, a negative) is null, never a guess. A lone separator before exactly three digits groups
 * thousands (`1.299`, `150.000` as IDR shops write it in their data too), unless the currency
 * counts in thousandths (KWD, BHD, OMR…): then it is the decimal point.
 */
export function parsePriceNumber(value: unknown, currency: string | null = null): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : null;
  if (typeof value !== 'string' || value.length > 64) return null;
  const bare = withoutCurrency(value);
  if (bare === null) return null;
  const number = /^\d+(?:[.,' \u00a0\u202f]\d+)*$/.test(bare) ? readDigits(bare, minorDigits(currency) === 3) : null;
  return number !== null && Number.isFinite(number) ? number : null;
}

// A code (USD), a sign with an optional country prefix (US$, R$, HK$), or a written abbreviation;
// never an arbitrary word, so "from 99" stays a phrase, not a price.
const CURRENCY = String.raw`(?:[A-Z]{3}|[A-Za-z]{0,3}\p{Sc}|\p{Sc}[A-Za-z]{0,3}|Fr\.|kr\.?|zł|Kč|Ft|Rs\.?|TL|руб\.?|лв\.?)`;

/** Currency signs and codes around the number, and the Swiss/German ".-" for "no cents", removed. */
function withoutCurrency(value: string): string | null {
  const trimmed = value
    .normalize('NFKC')
    .trim()
    .replace(new RegExp(`^${CURRENCY}\\s*`, 'u'), '')
    .replace(new RegExp(`\\s*${CURRENCY}$`, 'u'), '')
    .replace(/[.,]-$/, '')
    .trim();
  return /^\d/.test(trimmed) && /\d$/.test(trimmed) ? trimmed : null;
}

const GROUPING = /['\u00a0\u202f ]/g;

/** How many digits a currency's minor unit has (2 for USD, 0 for JPY, 3 for KWD); 2 when unknown. */
function minorDigits(currency: string | null): number {
  if (!currency || !/^[A-Z]{3}$/.test(currency)) return 2;
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

function readDigits(text: string, thousandths: boolean): number | null {
  const marks = [...text.matchAll(/[.,]/g)].map((m) => m[0]);
  const apart = text.split(/[.,]/);
  let decimal: '.' | ',' | null = null;
  if (marks.length > 0) {
    const last = marks[marks.length - 1] as '.' | ',';
    const lastGroup = apart[apart.length - 1] ?? '';
    if (new Set(marks).size === 2) decimal = last;
    else if (marks.length > 1)
      decimal = null; // "1.299.000": thousands only
    else if (lastGroup.replace(GROUPING, '').length !== 3 || /[ '\u00a0\u202f]/.test(text)) decimal = last;
    else decimal = thousandths ? last : null;
    // A thousands separator used as decimal too ("1.299.00") is not a number.
    if (decimal && marks.slice(0, -1).includes(decimal)) return null;
  }
  const [whole, fraction] = decimal ? splitLast(text, decimal) : [text, ''];
  const groups = whole.split(/[.,'\u00a0\u202f ]/);
  // Grouped digits come in threes after the first (Indian lakh grouping, twos, allowed before the last three).
  if (groups.length > 1 && !groups.slice(1).every((g, i, all) => g.length === 3 || (g.length === 2 && i < all.length - 1))) return null;
  if (groups.length > 1 && (groups[0] ?? '').length > 3) return null;
  if (fraction && /\D/.test(fraction)) return null;
  return Number(`${groups.join('')}${fraction ? `.${fraction}` : ''}`);
}

function splitLast(text: string, mark: string): [string, string] {
  const at = text.lastIndexOf(mark);
  return [text.slice(0, at), text.slice(at + 1)];
}
