// The page kind's face in the options page: the automatic reader or the user's own phrases.
import { isMatchable, normalizeForMatch } from '../../../core/kinds/page/check/phrase-match';
import { t } from '../../../shared/i18n';
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
  if (form.ruleType === 'auto') return { type: 'auto' };
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

function PageSection({ form, set, field }: SectionProps<PageFields>) {
  return (
    <fieldset class="rule">
      <legend>{t('optionsRule')}</legend>
      <label class="choice">
        <input type="radio" name={field('rule')} checked={form.ruleType === 'auto'} onChange={() => set({ ruleType: 'auto' })} />
        <span>{t('optionsRuleAuto')}</span>
      </label>
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
  fields: { ruleType: 'auto', selector: '', pausedWhen: '', openWhen: '', mustShow: '' },
  fromRule: (rule) =>
    rule?.type === 'text'
      ? {
          ruleType: 'text',
          selector: rule.selector ?? '',
          pausedWhen: phrasesText(rule.pausedWhen),
          openWhen: phrasesText(rule.openWhen),
          mustShow: rule.mustShow ?? '',
        }
      : {},
  toRule: pageRule,
  Section: PageSection,
};
