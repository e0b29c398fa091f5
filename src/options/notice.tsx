import { t } from '../shared/i18n';
import { NO_ANSWER, type Refusal } from '../shared/protocol';
import type { Problem } from './later/watch-form';

/** One message for the user: a success (announced politely) or a problem (an alert), with details listed under it. */
export interface Notice {
  tone: 'ok' | 'error';
  text: string;
  details?: string[];
}

export const problemText = (problem: Problem) => ('key' in problem ? t(problem.key, ...(problem.args ?? [])) : problem.text);

/** What to say when the worker said no, or did not answer at all. */
export function refusal(answer: Refusal | { ok: true }): Notice {
  if (answer.ok) return { tone: 'ok', text: '' };
  if (answer.error === NO_ANSWER) return { tone: 'error', text: t('noAnswer') };
  const details = answer.problems?.length ? answer.problems : [answer.error];
  return { tone: 'error', text: t('optionsWorkerRefused'), details };
}

/**
 * Two live regions that are always in the page, so assistive technology announces what lands in
 * them: role="status" for what worked, role="alert" for what did not.
 */
export function NoticeArea({ notice, id }: { notice: Notice | null; id?: string }) {
  const ok = notice?.tone === 'ok' ? notice : null;
  const error = notice?.tone === 'error' ? notice : null;
  return (
    <div class="notice-area" id={id}>
      <div role="status" class={ok ? 'notice ok' : 'notice'}>
        {ok?.text}
      </div>
      <div role="alert" class={error ? 'notice error' : 'notice'}>
        {error && (
          <>
            <p>{error.text}</p>
            {error.details && error.details.length > 0 && (
              <ul>
                {error.details.map((detail, i) => (
                  <li key={i}>{detail}</li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
    </div>
  );
}
