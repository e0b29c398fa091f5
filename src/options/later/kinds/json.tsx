// The JSON kind's face in the options page: a pointer into the answer and a test of what is there.
import { JSON_TESTS, type JsonTest, TESTS_WITH_VALUE } from '../../../core/kinds/json/check/json-tests';
import { type MessageKey, t } from '../../../shared/i18n';
import { Field, TextField } from '../../form-parts';
import type { Problem } from '../../problem';
import type { EditorFace, SectionProps } from './face';

export interface JsonFields {
  pointer: string;
  test: JsonTest;
  /** A JSON value (`5`, `true`, `"in stock"`) or bare text. */
  value: string;
}

const TEST_WORDS: Record<JsonTest, MessageKey> = {
  equals: 'optionsJsonTestEquals',
  notEquals: 'optionsJsonTestNotEquals',
  truthy: 'optionsJsonTestTruthy',
  falsy: 'optionsJsonTestFalsy',
  nonEmpty: 'optionsJsonTestNonEmpty',
  empty: 'optionsJsonTestEmpty',
  contains: 'optionsJsonTestContains',
  atLeast: 'optionsJsonTestAtLeast',
  atMost: 'optionsJsonTestAtMost',
};

const isScalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/**
 * The value a JSON test compares with. atLeast/atMost take a number; the others take what the text
 * reads as JSON (`5`, `true`, `null`, `"5"`), else the text itself, so `in_stock` needs no quotes.
 */
export function parseValue(test: JsonTest, text: string): { ok: true; value: unknown } | { ok: false; problem: Problem } {
  if (!TESTS_WITH_VALUE.has(test)) return { ok: true, value: undefined };
  const trimmed = text.trim();
  if (test === 'atLeast' || test === 'atMost') {
    const normalized = trimmed.replace(',', '.');
    const number = /^-?(?:\d+(?:\.\d+)?|\.\d+)(?:e[+-]?\d+)?$/i.test(normalized) ? Number(normalized) : Number.NaN;
    return Number.isFinite(number) ? { ok: true, value: number } : { ok: false, problem: { key: 'optionsProblemValueNumber' } };
  }
  if (trimmed === '') return { ok: false, problem: { key: 'optionsProblemValueNeeded' } };
  const parsed = parseJson(trimmed);
  if (parsed.ok && (isScalar(parsed.value) || test !== 'contains')) return { ok: true, value: parsed.value };
  return { ok: true, value: trimmed };
}

/** The inverse of parseValue: text that reads back as the same value. */
export function valueText(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') {
    const bare = value === value.trim() && value !== '' && !parseJson(value).ok;
    return bare ? value : JSON.stringify(value);
  }
  return JSON.stringify(value);
}

function jsonRule(form: JsonFields, problems: Problem[]): Record<string, unknown> {
  const pointer = form.pointer.trim();
  if (pointer !== '' && !pointer.startsWith('/')) problems.push({ key: 'optionsProblemPointer' });
  const test = (JSON_TESTS as readonly string[]).includes(form.test) ? form.test : 'truthy';
  const rule: Record<string, unknown> = { type: 'json', pointer, test };
  const value = parseValue(test, form.value);
  if (!value.ok) problems.push(value.problem);
  else if (value.value !== undefined) rule.value = value.value;
  return rule;
}

function JsonSection({ form, set, field }: SectionProps<JsonFields>) {
  const needsValue = TESTS_WITH_VALUE.has(form.test);
  return (
    <fieldset class="rule">
      <legend>{t('optionsRule')}</legend>
      <TextField
        id={field('pointer')}
        label={t('optionsPointer')}
        hint={t('optionsPointerHint')}
        value={form.pointer}
        spellcheck={false}
        describedBy={field('pointer-hint')}
        onValue={(pointer) => set({ pointer })}
      />
      <div class="inline-fields">
        <Field id={field('test')} label={t('optionsJsonTest')}>
          <select id={field('test')} value={form.test} onChange={(e) => set({ test: e.currentTarget.value as JsonTest })}>
            {JSON_TESTS.map((test) => (
              <option key={test} value={test}>
                {t(TEST_WORDS[test])}
              </option>
            ))}
          </select>
        </Field>
        {needsValue && (
          <TextField
            id={field('value')}
            label={t('optionsJsonValue')}
            value={form.value}
            spellcheck={false}
            describedBy={field('value-hint')}
            onValue={(value) => set({ value })}
          />
        )}
      </div>
      {needsValue && (
        <p class="muted hint" id={field('value-hint')}>
          {t('optionsJsonValueHint')}
        </p>
      )}
      <p class="muted hint">{t('optionsJsonHint')}</p>
    </fieldset>
  );
}

export const jsonFace: EditorFace<JsonFields> = {
  fields: { pointer: '', test: 'truthy', value: '' },
  fromRule: (rule) => (rule?.type === 'json' ? { pointer: rule.pointer, test: rule.test, value: valueText(rule.value) } : {}),
  toRule: jsonRule,
  Section: JsonSection,
};
