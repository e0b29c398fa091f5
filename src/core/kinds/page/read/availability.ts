/** schema.org availability values and the product-meta words shops use for the same thing. */

export type Availability = 'orderable' | 'not-orderable' | 'unknown';

/** Folded name → the schema.org spelling shown as evidence. */
const ORDERABLE: Record<string, string> = {
  instock: 'InStock',
  limitedavailability: 'LimitedAvailability',
  onlineonly: 'OnlineOnly',
  instoreonly: 'InStoreOnly',
  preorder: 'PreOrder',
  presale: 'PreSale',
  backorder: 'BackOrder',
  madetoorder: 'MadeToOrder',
  availablefororder: 'available for order',
};
const NOT_ORDERABLE: Record<string, string> = {
  outofstock: 'OutOfStock',
  soldout: 'SoldOut',
  discontinued: 'Discontinued',
  reserved: 'Reserved',
  oos: 'oos',
};

/**
 * Folds a value the way DESIGN.md says: no case, spaces or `_` (hyphens too, "in-stock"), and no
 * schema.org prefix in any of its spellings (full URL with or without `www.`, or `schema:`).
 */
export function foldAvailability(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/^(?:https?:\/\/)?(?:www\.)?schema\.org\//, '')
    .replace(/^schema:/, '')
    .replace(/[\s_-]+/g, '');
}

export interface ClassifiedAvailability {
  availability: Availability;
  /** The schema.org name when known ("OutOfStock"), else the value as found. */
  label: string;
}

export function classifyAvailability(value: string): ClassifiedAvailability {
  const folded = foldAvailability(value);
  const orderable = ORDERABLE[folded];
  if (orderable) return { availability: 'orderable', label: orderable };
  const notOrderable = NOT_ORDERABLE[folded];
  if (notOrderable) return { availability: 'not-orderable', label: notOrderable };
  return { availability: 'unknown', label: value.trim() };
}
