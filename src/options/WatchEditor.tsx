import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { JSON_TESTS, type JsonTest, TESTS_WITH_VALUE } from '../core/kinds/json/json-tests';
import { isBuiltIn, specOf } from '../core/kinds/registry';
import type { Verdict } from '../core/verdict';
import type { WatchDef } from '../core/watch-def';
import { accessPattern } from '../shared/host-access';
import { type MessageKey, t } from '../shared/i18n';
import { readSecretHeaderName } from '../shared/storage';
import { accessNotice, askAccess } from './access';
import { ChannelChoice } from './ChannelChoice';
import { isValidSelector } from './dom';
import { Field, kindWord, Switch } from './form-parts';
import { send } from './messaging';
import { type Notice, NoticeArea, problemText, refusal } from './notice';
import { TestResult } from './TestResult';
import {
  changesFor,
  emptyForm,
  type FormResult,
  formFromWatch,
  formToInput,
  type HeaderChange,
  normalizeUrlText,
  type WatchForm,
} from './watch-form';

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

export type EditorMode = { mode: 'add' } | { mode: 'edit'; def: WatchDef };

interface Props {
  target: EditorMode;
  /** Closes the editor; `message` says what was saved. */
  onClose: (message?: string) => void;
}

/** Add or edit one watch, with a Test that reads the live page once before anything is saved. */
export function WatchEditor({ target, onClose }: Props) {
  const def = target.mode === 'edit' ? target.def : null;
  const builtIn = def !== null && isBuiltIn(def);
  const [form, setForm] = useState<WatchForm>(() => (def ? formFromWatch(def) : emptyForm()));
  const [savedHeader, setSavedHeader] = useState<string | null>(null);
  const [channels, setChannels] = useState<string[] | null>(def?.channels ?? null);
  const [busy, setBusy] = useState<'test' | 'save' | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [tested, setTested] = useState<{ verdict: Verdict; url: string } | null>(null);
  // The user accepted the new shape a Test showed (type-changed): Test and Save stop expecting the old one.
  const [acceptType, setAcceptType] = useState(false);
  const id = useId();
  const first = useRef<HTMLInputElement>(null);

  useEffect(() => {
    first.current?.focus();
    if (!def || !specOf(def.kind).secretHeader) return;
    void readSecretHeaderName(def.id).then((name) => {
      setSavedHeader(name);
      if (name) setForm((f) => (f.headerName ? f : { ...f, headerName: name }));
    });
  }, [def?.id, def?.kind]);

  const set = <K extends keyof WatchForm>(key: K, value: WatchForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setTested(null);
    setAcceptType(false);
  };

  const read = (): FormResult => {
    const result = formToInput(form, { savedHeaderName: savedHeader, isValidSelector });
    if (!result.ok) setNotice({ tone: 'error', text: t('optionsFixFirst'), details: result.problems.map(problemText) });
    return result;
  };

  // Both handlers ask for host access before their first await: the prompt needs the click's gesture.
  const onTest = (event: Event, ignoreType = acceptType) => {
    event.preventDefault();
    const result = read();
    if (!result.ok) return;
    const patterns = [accessPattern(result.watch)];
    const access = askAccess(patterns);
    setBusy('test');
    setTested(null);
    setNotice(null);
    void (async () => {
      const answer = await access;
      if (answer !== 'granted') {
        setNotice(accessNotice(answer, patterns));
        return;
      }
      // A rule the form only tidied is the saved one (changesFor): Test it as saved, as its checks read it.
      const untouched = def !== null && !('rule' in changesFor(result.input, def));
      const watch = untouched ? { ...result.input, rule: def.rule } : result.input;
      const reply = await send({ type: 'test-watch', watch, ...(def && { watchId: def.id, ignoreType }) });
      if (reply.ok && reply.verdict) setTested({ verdict: reply.verdict, url: result.watch.url });
      else setNotice(refusal(reply));
    })().finally(() => setBusy(null));
  };

  const onSave = (event: Event) => {
    event.preventDefault();
    const result = read();
    if (!result.ok) return;
    // A built-in watch's site is the manifest's: nothing to ask for.
    const patterns = isBuiltIn(result.watch) ? [] : [accessPattern(result.watch)];
    const access = askAccess(patterns);
    setBusy('save');
    setNotice(null);
    void (async () => {
      const answer = await access;
      if (answer !== 'granted') {
        setNotice(accessNotice(answer, patterns));
        return;
      }
      // What Test showed is what the watch expects from now on (a JSON value's type; src/core/watch-state.ts).
      const shown = tested?.verdict.kind === 'open' || tested?.verdict.kind === 'paused' ? tested.verdict.valueType : undefined;
      const seen = shown ? { valueType: shown, ...(acceptType && { acceptType: true }) } : {};
      const reply = def
        ? await send({ type: 'update-watch', watchId: def.id, changes: { ...changesFor(result.input, def), channels }, ...seen })
        : await send({ type: 'add-watch', watch: { ...result.input, ...(channels && { channels }) }, ...seen });
      const watchId = def?.id ?? (reply.ok && 'watchId' in reply ? (reply.watchId as string) : undefined);
      if (!reply.ok || !watchId) {
        setNotice(refusal(reply));
        return;
      }
      const headerFailed = await saveHeader(watchId, result.header);
      if (headerFailed) {
        setNotice({ tone: 'error', text: t('optionsHeaderNotSaved'), details: headerFailed });
        return;
      }
      onClose(def ? t('optionsSaved', result.watch.name) : t('optionsAdded', result.watch.name));
    })().finally(() => setBusy(null));
  };

  const field = (suffix: string) => `${id}-${suffix}`;
  // The saved header belongs to the watch's https origin: an address elsewhere drops it on save.
  const leavesHeader = savedHeader !== null && def !== null && leavesOrigin(form.url, def.url);
  const heading = def ? t('optionsEditHeading', def.name) : t('optionsAddHeading');
  const needsValue = TESTS_WITH_VALUE.has(form.test);

  return (
    <form class="editor" aria-labelledby={field('heading')} noValidate onSubmit={(e) => e.preventDefault()}>
      <h3 id={field('heading')}>{heading}</h3>
      {builtIn && <p class="muted">{t('optionsBuiltInNote')}</p>}

      {!builtIn && (
        <>
          <Field id={field('name')} label={t('optionsName')}>
            <input
              id={field('name')}
              ref={first}
              type="text"
              value={form.name}
              maxLength={80}
              autoComplete="off"
              onInput={(e) => set('name', e.currentTarget.value)}
            />
          </Field>

          {def ? (
            <p class="kind-line">
              <span class="label">{t('optionsKind')}</span> {kindWord(def.kind)}
            </p>
          ) : (
            <fieldset class="choices">
              <legend>{t('optionsKind')}</legend>
              {(['page', 'json'] as const).map((kind) => (
                <label key={kind} class="choice">
                  <input type="radio" name={field('kind')} checked={form.kind === kind} onChange={() => set('kind', kind)} />
                  <span>{kindWord(kind)}</span>
                </label>
              ))}
            </fieldset>
          )}

          <Field id={field('url')} label={t('optionsUrl')} hint={t('optionsUrlHint')}>
            <input
              id={field('url')}
              type="url"
              value={form.url}
              autoComplete="off"
              spellcheck={false}
              aria-describedby={field('url-hint')}
              onInput={(e) => set('url', e.currentTarget.value)}
            />
          </Field>

          {form.kind === 'page' && (
            <fieldset class="rule">
              <legend>{t('optionsRule')}</legend>
              <label class="choice">
                <input type="radio" name={field('rule')} checked={form.ruleType === 'auto'} onChange={() => set('ruleType', 'auto')} />
                <span>{t('optionsRuleAuto')}</span>
              </label>
              <label class="choice">
                <input type="radio" name={field('rule')} checked={form.ruleType === 'text'} onChange={() => set('ruleType', 'text')} />
                <span>{t('optionsRuleText')}</span>
              </label>
              {form.ruleType === 'text' && (
                <div class="sub-fields">
                  <Field id={field('paused')} label={t('optionsPausedWhen')}>
                    <textarea
                      id={field('paused')}
                      rows={3}
                      value={form.pausedWhen}
                      onInput={(e) => set('pausedWhen', e.currentTarget.value)}
                    />
                  </Field>
                  <Field id={field('open')} label={t('optionsOpenWhen')}>
                    <textarea id={field('open')} rows={3} value={form.openWhen} onInput={(e) => set('openWhen', e.currentTarget.value)} />
                  </Field>
                  <p class="muted hint">{t('optionsTextHint')}</p>
                  <Field id={field('selector')} label={t('optionsSelector')}>
                    <input
                      id={field('selector')}
                      type="text"
                      value={form.selector}
                      spellcheck={false}
                      autoComplete="off"
                      onInput={(e) => set('selector', e.currentTarget.value)}
                    />
                  </Field>
                  <Field id={field('must')} label={t('optionsMustShow')}>
                    <input
                      id={field('must')}
                      type="text"
                      value={form.mustShow}
                      autoComplete="off"
                      onInput={(e) => set('mustShow', e.currentTarget.value)}
                    />
                  </Field>
                </div>
              )}
            </fieldset>
          )}

          {form.kind === 'json' && (
            <fieldset class="rule">
              <legend>{t('optionsRule')}</legend>
              <Field id={field('pointer')} label={t('optionsPointer')} hint={t('optionsPointerHint')}>
                <input
                  id={field('pointer')}
                  type="text"
                  value={form.pointer}
                  spellcheck={false}
                  autoComplete="off"
                  aria-describedby={field('pointer-hint')}
                  onInput={(e) => set('pointer', e.currentTarget.value)}
                />
              </Field>
              <div class="inline-fields">
                <Field id={field('test')} label={t('optionsJsonTest')}>
                  <select id={field('test')} value={form.test} onChange={(e) => set('test', e.currentTarget.value as JsonTest)}>
                    {JSON_TESTS.map((test) => (
                      <option key={test} value={test}>
                        {t(TEST_WORDS[test])}
                      </option>
                    ))}
                  </select>
                </Field>
                {needsValue && (
                  <Field id={field('value')} label={t('optionsJsonValue')}>
                    <input
                      id={field('value')}
                      type="text"
                      value={form.value}
                      spellcheck={false}
                      autoComplete="off"
                      aria-describedby={field('value-hint')}
                      onInput={(e) => set('value', e.currentTarget.value)}
                    />
                  </Field>
                )}
              </div>
              {needsValue && (
                <p class="muted hint" id={field('value-hint')}>
                  {t('optionsJsonValueHint')}
                </p>
              )}
              <p class="muted hint">{t('optionsJsonHint')}</p>
            </fieldset>
          )}

          {form.kind === 'json' && (
            <fieldset class="rule">
              <legend>{t('optionsHeader')}</legend>
              <p class="muted hint" id={field('header-note')}>
                {t('optionsHeaderNote')}
              </p>
              <div class="inline-fields">
                <Field id={field('header-name')} label={t('optionsHeaderName')}>
                  <input
                    id={field('header-name')}
                    type="text"
                    value={form.headerName}
                    spellcheck={false}
                    autoComplete="off"
                    aria-describedby={field('header-note')}
                    onInput={(e) => set('headerName', e.currentTarget.value)}
                  />
                </Field>
                <Field id={field('header-value')} label={t('optionsHeaderValue')}>
                  <input
                    id={field('header-value')}
                    type="password"
                    value={form.headerValue}
                    autoComplete="off"
                    aria-describedby={savedHeader ? field('header-saved') : field('header-note')}
                    onInput={(e) => set('headerValue', e.currentTarget.value)}
                  />
                </Field>
              </div>
              {savedHeader && !leavesHeader && (
                <p class="muted hint" id={field('header-saved')}>
                  {t('optionsHeaderSaved', savedHeader)}
                </p>
              )}
              {savedHeader && leavesHeader && def && (
                <p class="warning hint" id={field('header-saved')}>
                  {t('optionsHeaderDropped', savedHeader, new URL(def.url).origin)}
                </p>
              )}
            </fieldset>
          )}
        </>
      )}

      <div class="inline-fields">
        <Field id={field('interval')} label={t('optionsInterval')}>
          <input
            id={field('interval')}
            ref={builtIn ? first : undefined}
            type="number"
            inputMode="decimal"
            min={0.5}
            max={60}
            step="any"
            value={form.interval}
            onInput={(e) => set('interval', e.currentTarget.value)}
          />
        </Field>
      </div>
      <Switch label={t('optionsNotify')} checked={form.notify} onChange={(v) => set('notify', v)} />
      <ChannelChoice id={id} chosen={channels} onChange={setChannels} />
      <Switch label={t('optionsEnabled')} checked={form.enabled} onChange={(v) => set('enabled', v)} />

      <NoticeArea notice={notice} />
      <div aria-live="polite" class="test-area">
        {busy === 'test' && <p class="muted">{t('optionsTesting')}</p>}
        {tested && <TestResult verdict={tested.verdict} url={tested.url} />}
        {tested?.verdict.reason === 'type-changed' && (
          <button
            type="button"
            disabled={busy !== null}
            onClick={(event) => {
              setAcceptType(true);
              onTest(event, true);
            }}
          >
            {t('optionsAcceptType')}
          </button>
        )}
        {tested && form.kind === 'json' && (form.headerName.trim() || savedHeader) && <p class="muted hint">{t('optionsTestNoHeader')}</p>}
      </div>

      <div class="button-row">
        <button type="submit" class="primary" disabled={busy !== null} onClick={onSave}>
          {busy === 'save' ? t('optionsSaving') : def ? t('optionsSave') : t('optionsAddWatch')}
        </button>
        {!builtIn && (
          <button type="button" class="secondary" disabled={busy !== null} onClick={onTest}>
            {t('optionsTest')}
          </button>
        )}
        <button type="button" class="secondary" onClick={() => onClose()}>
          {t('optionsCancel')}
        </button>
      </div>
      {!builtIn && <p class="muted hint">{t('optionsTestHint')}</p>}
    </form>
  );
}

/** Sends the header change after the watch exists; the problems in words when it failed, else null. */
async function saveHeader(watchId: string, change: HeaderChange): Promise<string[] | null> {
  if (change.action === 'keep') return null;
  const reply = await send({ type: 'set-secret', watchId, header: change.action === 'set' ? change.header : null });
  if (reply.ok) return null;
  const notice = refusal(reply);
  return notice.details ?? [notice.text];
}

/** Whether a typed address is on another origin than `saved`, or not https (where a header is never sent). */
function leavesOrigin(typed: string, saved: string): boolean {
  const text = normalizeUrlText(typed);
  if (!URL.canParse(text)) return false;
  const url = new URL(text);
  return url.protocol !== 'https:' || url.origin !== new URL(saved).origin;
}
