import { validateTextRule } from './validate-text-rule';

/** A page watch's rule in full: `auto` alone, or a valid `text` rule. */
export function validatePageRule(rule: unknown, isValidSelector?: (selector: string) => boolean): string[] {
  if (typeof rule === 'object' && rule !== null && (rule as { type?: unknown }).type === 'auto') {
    return Object.keys(rule).length === 1 ? [] : ['an auto rule has no other fields'];
  }
  return validateTextRule(rule, isValidSelector).map((p) => (p === 'rule type must be "text"' ? 'rule type must be "auto" or "text"' : p));
}
