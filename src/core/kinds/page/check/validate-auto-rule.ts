const KEYS = new Set(['type', 'maxPrice', 'currency', 'variant']);
export const MAX_VARIANT = 100;
const MAX_PRICE = 1e12;

/** ISO 4217 codes this platform knows (every current one), looked up once. */
let codes: Set<string> | null = null;
export function isCurrencyCode(value: string): boolean {
  codes ??= new Set(Intl.supportedValuesOf('currency'));
  return codes.has(value);
}

/** Problems with an `auto` rule's conditions, in plain English, for import and the options form; empty when valid. */
export function validateAutoRule(rule: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(rule)) if (!KEYS.has(key)) problems.push(`unknown field "${key}" in an auto rule`);
  const { maxPrice, currency, variant } = rule;
  if (maxPrice !== undefined && (typeof maxPrice !== 'number' || !Number.isFinite(maxPrice) || maxPrice < 0 || maxPrice > MAX_PRICE))
    problems.push('maxPrice must be a number from 0 up when given');
  if (currency !== undefined) {
    if (typeof currency !== 'string' || !isCurrencyCode(currency))
      problems.push(`currency must be an ISO 4217 code such as "USD" or "EUR" (got ${JSON.stringify(currency)?.slice(0, 20)})`);
    else if (maxPrice === undefined) problems.push('currency needs a maxPrice');
  }
  if (variant !== undefined) {
    if (typeof variant !== 'string' || !/[\p{L}\p{N}]/u.test(variant))
      problems.push('variant must be a word with letters or digits when given');
    else if (variant.length > MAX_VARIANT) problems.push(`variant is longer than ${MAX_VARIANT} characters`);
  }
  return problems;
}
