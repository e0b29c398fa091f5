import { validateAutoRule } from './validate-auto-rule';
import { validateTextRule } from './validate-text-rule';

/** A page watch's rule in full: `auto` (with its optional conditions), or a valid `text` rule. */
export function validatePageRule(rule: unknown, isValidSelector?: (selector: string) => boolean): string[] {
  if (typeof rule === 'object' && rule !== null && (rule as { type?: unknown }).type === 'auto') {
    return validateAutoRule(rule as Record<string, unknown>);
  }
  return validateTextRule(rule, isValidSelector).map((p) => (p === 'rule type must be "text"' ? 'rule type must be "auto" or "text"' : p));
}
