// The page kind's face in the options page: the automatic reader or the user's own phrases.
import { isMatchable, normalizeForMatch } from '../../../core/kinds/page/check/phrase-match';
import { parsePriceNumber } from '../../../core/kinds/page/check/price-number';
import { isCurrencyCode, MAX_VARIANT } from '../../../core/kinds/page/check/validate-auto-rule';
import { formatList, t } from '../../../shared/i18n';
import { Field, TextField } from '../../form-parts';
import type { Problem } from '../../problem';
import type { EditorFace, SectionProps } from './face';

export interface PageFields {
  ruleType: 'auto' | 'text';
  selector: string;
  /** One phrase per line. */
  pausedWhen: string;
  openWhen: string;
  mustShow: string;
  /** The auto rule's conditions, as typed: a price ceiling, its currency, a variant. */
  maxPrice: string;
  currency: string;
  variant: string;
}

/** "1999", "1,999.50", "1.999,50" as typed, in the notations a price is read in: a number for the rule, or null. */
export const parseCeiling = (text: string, currency = ''): number | null => parsePriceNumber(text.trim(), currency || null);

function autoRule(form: PageFields, problems: Problem[]): Record<string, unknown> {
  const rule: Record<string, unknown> = { type: 'auto' };
  const ceiling = form.maxPrice.trim();
  if (ceiling) {
    const currency = form.currency.trim().toUpperCase();
    // In the currency's own notation: "12.345" is 12.345 dinars, but 12,345 dollars.
    const value = parseCeiling(ceiling, currency);
    if (value === null) problems.push({ key: 'optionsProblemMaxPrice', args: [ceiling] });
    else rule.maxPrice = value;
    if (currency && !isCurrencyCode(currency)) problems.push({ key: 'optionsProblemCurrency', args: [form.currency.trim()] });
    else if (currency) rule.currency = currency;
  }
  const variant = form.variant.trim();
  if (variant) {
    if (!/[\p{L}\p{N}]/u.test(variant) || variant.length > MAX_VARIANT)
      problems.push({ key: 'optionsProblemVariant', args: [MAX_VARIANT] });
    else rule.variant = variant;
  }
  return rule;
}

/** One phrase per line: trimmed, blank lines dropped, repeats (same words, any case) kept once. */
export function parsePhrases(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    const phrase = line.trim();
    const key = normalizeForMatch(phrase).trim();
    if (!phrase || seen.has(key)) continue;
    seen.add(key);
    out.push(phrase);
  }
  return out;
}

export const phrasesText = (list: readonly string[] | undefined) => (list ?? []).join('\n');

function pageRule(form: PageFields, problems: Problem[], isValidSelector?: (selector: string) => boolean): Record<string, unknown> {
  if (form.ruleType === 'auto') return autoRule(form, problems);
  const rule: Record<string, unknown> = { type: 'text' };
  const selector = form.selector.trim();
  if (selector) {
    if (/[{}]/.test(selector) || (isValidSelector && !isValidSelector(selector)))
      problems.push({ key: 'optionsProblemSelector', args: [selector] });
    rule.selector = selector;
  }
  const pausedWhen = parsePhrases(form.pausedWhen);
  const openWhen = parsePhrases(form.openWhen);
  if (pausedWhen.length) rule.pausedWhen = pausedWhen;
  if (openWhen.length) rule.openWhen = openWhen;
  if (!pausedWhen.length && !openWhen.length) problems.push({ key: 'optionsProblemPhrases' });
  for (const phrase of [...pausedWhen, ...openWhen])
    if (!isMatchable(phrase)) problems.push({ key: 'optionsProblemPhrase', args: [phrase] });
  const openKeys = new Set(openWhen.map((p) => normalizeForMatch(p).trim()));
  const both = pausedWhen.find((p) => openKeys.has(normalizeForMatch(p).trim()));
  if (both) problems.push({ key: 'optionsProblemBothLists', args: [both] });
  const mustShow = form.mustShow.trim();
  if (mustShow) {
    if (!isMatchable(mustShow)) problems.push({ key: 'optionsProblemPhrase', args: [mustShow] });
    rule.mustShow = mustShow;
  }
  return rule;
}

/** The auto rule's conditions: open only at or below a price, and only for one variant. */
function AutoConditions({ form, set, field, variants }: SectionProps<PageFields>) {
  return (
    <div class="sub-fields">
      <div class="inline-fields">
        <TextField id={field('max-price')} label={t('optionsMaxPrice')} value={form.maxPrice} onValue={(maxPrice) => set({ maxPrice })} />
        <Field id={field('currency')} label={t('optionsCurrency')}>
          <input
            id={field('currency')}
            type="text"
            class="currency"
            value={form.currency}
            maxLength={3}
            size={4}
            autoComplete="off"
            spellcheck={false}
            placeholder="USD"
            onInput={(e) => set({ currency: e.currentTarget.value })}
          />
        </Field>
      </div>
      <Field id={field('variant')} label={t('optionsVariant')} hint={t('optionsConditionsHint')}>
        <input
          id={field('variant')}
          type="text"
          value={form.variant}
          list={variants?.length ? field('variants') : undefined}
          autoComplete="off"
          onInput={(e) => set({ variant: e.currentTarget.value })}
        />
      </Field>
      {variants?.length ? (
        <>
          <datalist id={field('variants')}>
            {variants.map((v) => (
              <option key={v} value={v} />
            ))}
          </datalist>
          <p class="muted hint">{t('optionsVariantsFound', formatList(variants.slice(0, 12)))}</p>
        </>
      ) : null}
    </div>
  );
}

function PageSection(props: SectionProps<PageFields>) {
  const { form, set, field } = props;
  return (
    <fieldset class="rule">
      <legend>{t('optionsRule')}</legend>
      <label class="choice">
        <input type="radio" name={field('rule')} checked={form.ruleType === 'auto'} onChange={() => set({ ruleType: 'auto' })} />
        <span>{t('optionsRuleAuto')}</span>
      </label>
      {form.ruleType === 'auto' && <AutoConditions {...props} />}
      <label class="choice">
        <input type="radio" name={field('rule')} checked={form.ruleType === 'text'} onChange={() => set({ ruleType: 'text' })} />
        <span>{t('optionsRuleText')}</span>
      </label>
      {form.ruleType === 'text' && (
        <div class="sub-fields">
          <Field id={field('paused')} label={t('optionsPausedWhen')}>
            <textarea id={field('paused')} rows={3} value={form.pausedWhen} onInput={(e) => set({ pausedWhen: e.currentTarget.value })} />
          </Field>
          <Field id={field('open')} label={t('optionsOpenWhen')}>
            <textarea id={field('open')} rows={3} value={form.openWhen} onInput={(e) => set({ openWhen: e.currentTarget.value })} />
          </Field>
          <p class="muted hint">{t('optionsTextHint')}</p>
          <TextField
            id={field('selector')}
            label={t('optionsSelector')}
            value={form.selector}
            spellcheck={false}
            onValue={(selector) => set({ selector })}
          />
          <TextField id={field('must')} label={t('optionsMustShow')} value={form.mustShow} onValue={(mustShow) => set({ mustShow })} />
        </div>
      )}
    </fieldset>
  );
}

export const pageFace: EditorFace<PageFields> = {
  fields: { ruleType: 'auto', selector: '', pausedWhen: '', openWhen: '', mustShow: '', maxPrice: '', currency: '', variant: '' },
  fromRule: (rule) =>
    rule?.type === 'text'
      ? {
          ruleType: 'text',
          selector: rule.selector ?? '',
          pausedWhen: phrasesText(rule.pausedWhen),
          openWhen: phrasesText(rule.openWhen),
          mustShow: rule.mustShow ?? '',
        }
      : rule?.type === 'auto'
        ? {
            maxPrice: typeof rule.maxPrice === 'number' ? String(rule.maxPrice) : '',
            currency: rule.currency ?? '',
            variant: rule.variant ?? '',
          }
        : {},
  toRule: pageRule,
  Section: PageSection,
};
