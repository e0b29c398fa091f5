import type { TextRule } from '../core/kinds/page/read/text-rule';
import { judgePreview, type Meaning, meaningOf, type PreviewStep, proposeRule } from '../core/pick/proposal';
import { type PickedWatch, testPicked } from './ask-worker';

// What the proposed rule reads, asked of the worker as its checks would read it (its own fetch,
// the user's session), and rendered when the plain page lacks what the user sees.

export interface PageFacts {
  name: string;
  url: string;
}

const watchOf = (page: PageFacts, rule: unknown, render: boolean): PickedWatch => ({
  name: page.name,
  kind: 'page',
  url: page.url,
  rule,
  ...(render && { render: true as const }),
});

/** What the picked text means on this page (once per page: it does not depend on the element). */
export async function pageMeaning(page: PageFacts): Promise<Meaning> {
  const plain = await testPicked(watchOf(page, { type: 'auto' }, false));
  const first = meaningOf(plain.ok ? plain.value : null);
  if (first !== 'render') return first;
  const rendered = await testPicked(watchOf(page, { type: 'auto' }, true));
  return meaningOf(plain.ok ? plain.value : null, rendered.ok ? rendered.value : null) as Meaning;
}

export type RulePreview =
  | { type: 'failed'; why: string }
  | (Extract<PreviewStep, { type: 'ready' }> & { rule: TextRule; watch: PickedWatch });

/** The proposed rule, read plain and (when that lacks the element or phrase) after rendering. */
export async function previewRule(page: PageFacts, selector: string, phrase: string, meaning: Meaning): Promise<RulePreview> {
  const rule = proposeRule(selector, phrase, meaning);
  const plain = await testPicked(watchOf(page, rule, false));
  if (!plain.ok) return { type: 'failed', why: plain.why };
  let step = judgePreview(plain.value);
  if (step.type === 'render') {
    const rendered = await testPicked(watchOf(page, rule, true));
    step = judgePreview(plain.value, rendered.ok ? rendered.value : null);
  }
  if (step.type !== 'ready') return { type: 'failed', why: 'no reading' };
  return { ...step, rule, watch: watchOf(page, rule, step.render) };
}
