// The pages' face of each kind: a rule checked in full (phrases, pointers, selectors). The worker
// checks only a rule's shape (../../watch-check.ts) and never loads these.
import { validateJsonRule } from '../json/check/validate-json-rule';
import { validatePageRule } from '../page/check/validate-page-rule';
import type { WatchKind } from '../registry';

type RuleCheck = (rule: unknown, isValidSelector?: (selector: string) => boolean) => string[];

/** One per kind that has rules; a built-in kind has none. */
export const RULE_CHECKS: Partial<Record<WatchKind, RuleCheck>> = { page: validatePageRule, json: validateJsonRule };

export const fullRuleProblems = (kind: WatchKind, rule: unknown, isValidSelector?: (selector: string) => boolean): string[] =>
  RULE_CHECKS[kind]?.(rule, isValidSelector) ?? [];
