// The English of the evidence a JSON watch's reading builds (its pointer, its test, its value); each
// template is its key's English message in the locale files, `$1`… for the placeholders.
import type { Evidence } from '../../../evidence-message';
import { wording } from '../../../evidence-wording';
import { type JsonType, jsonType } from '../json-type';

export const JSON_EVIDENCE = {
  // JSON: type words
  evTypeNull: 'null',
  evTypeBoolean: 'true/false',
  evTypeNumber: 'a number',
  evTypeText: 'text',
  evTypeList: 'a list',
  evTypeObject: 'an object',
  evTypeOther: 'not JSON',
  evTextListOrObject: 'text, a list or an object',
  evTextOrList: 'text or a list',
  evIsNotType: 'is $1, not $2',
  // JSON: pointers
  evRuleProblem: '$1',
  evNotIndex: '$1 is not an index of an array',
  evPastEnd: 'index $1 is past the end of an array of $2',
  evNoSuchKey: 'no such key',
  evCannotLookInside: 'cannot look inside $1',
  // JSON: the rule's reading
  evWholeDocument: 'the document',
  evPointerStop: '$1: $2',
  evTypeChanged: '$1 was $2, now $3',
  evTestFailed: '$1 $2 (test $3)',
  evIs: '$1 is $2',
  evIsNotValue: '$1 is $2, not $3',
  evContains: '$1 contains $2',
  evLacks: '$1 lacks $2',
  evAtLeast: '$1 is $2, at least $3',
  evBelow: '$1 is $2, below $3',
  evAtMost: '$1 is $2, at most $3',
  evOver: '$1 is $2, above $3',
  evListOf: 'a list of $1',
  evEmptyList: 'an empty list',
  evObjectOneKey: 'an object with 1 key',
  evObjectKeys: 'an object with $1 keys',
  evEmptyObject: 'an empty object',
  evNotJson: 'the answer is not JSON',
  evNotJsonType: 'the answer is $1, not JSON',
};

export const say = /* @__PURE__ */ wording(JSON_EVIDENCE);

/** How evidence names each JSON type: "a list", "text"… */
export const TYPE_WORDS: Record<JsonType | 'other', Evidence> = {
  null: say('evTypeNull'),
  boolean: say('evTypeBoolean'),
  number: say('evTypeNumber'),
  string: say('evTypeText'),
  array: say('evTypeList'),
  object: say('evTypeObject'),
  other: say('evTypeOther'),
};

export const typeWord = (value: unknown): Evidence => TYPE_WORDS[jsonType(value)];
