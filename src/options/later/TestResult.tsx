import type { Verdict, VerdictKind } from '../../core/verdict';
import { evidenceText } from '../../shared/evidence-text';
import { type MessageKey, t } from '../../shared/i18n';
import { reasonText } from '../../shared/status-view';

const VERDICT_WORDS: Record<VerdictKind, MessageKey> = {
  open: 'optionsVerdictOpen',
  paused: 'optionsVerdictPaused',
  queued: 'optionsVerdictQueued',
  subscribed: 'optionsVerdictSubscribed',
  'signed-out': 'optionsVerdictSignedOut',
  blocked: 'optionsVerdictBlocked',
  'rate-limited': 'optionsVerdictRateLimited',
  error: 'optionsVerdictError',
};

const VERDICT_TONES: Record<VerdictKind, string> = {
  open: 'open',
  paused: 'paused',
  queued: 'queued',
  subscribed: 'subscribed',
  'signed-out': 'attention',
  blocked: 'attention',
  'rate-limited': 'unknown',
  error: 'unknown',
};

/** One reading of the form's rule against the live page: the verdict in words, why, the evidence, the HTTP status. */
export function TestResult({ verdict, url }: { verdict: Verdict; url: string }) {
  return (
    <div class={`status test-result tone-${VERDICT_TONES[verdict.kind]}`}>
      <p class="headline">{t('optionsTestVerdict', t(VERDICT_WORDS[verdict.kind]))}</p>
      <dl class="times">
        <dt>{t('optionsWhy')}</dt>
        <dd>{reasonText(verdict.reason, { url })}</dd>
        <dt>{t('optionsEvidence')}</dt>
        <dd class="evidence-text">{evidenceText(verdict)}</dd>
        <dt>{t('optionsHttpStatus')}</dt>
        <dd>{verdict.status ?? t('optionsNoStatus')}</dd>
        {verdict.found?.prices.length ? (
          <>
            <dt>{t('optionsPricesFound')}</dt>
            <dd class="evidence-text">{verdict.found.prices.join(' · ')}</dd>
          </>
        ) : null}
        {verdict.found?.variants.length ? (
          <>
            <dt>{t('optionsVariantsRead')}</dt>
            <dd class="evidence-text">{verdict.found.variants.join(' · ')}</dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}
