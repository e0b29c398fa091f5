import type { Ref } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { isBuiltIn, specOf, type WatchKind } from '../../core/kinds/registry';
import type { Verdict } from '../../core/verdict';
import { MIN_RENDER_INTERVAL_MINUTES, type WatchDef } from '../../core/watch-def';
import { accessPattern } from '../../shared/host-access';
import { t } from '../../shared/i18n';
import { intervalChoices, intervalLabel } from '../../shared/interval-choices';
import { readSecretHeaderName } from '../../shared/view-storage';
import { accessNotice, askAccess } from '../access';
import { isValidSelector } from '../dom';
import { Field, kindWord, Switch, TextField } from '../form-parts';
import { send } from '../messaging';
import { type Notice, NoticeArea, problemText, refusal } from '../notice';
import { ChannelChoice } from './ChannelChoice';
import { faceOf } from './kinds';
import { TestResult } from './TestResult';
import {
  ADDABLE_KINDS,
  changesFor,
  emptyForm,
  type FormResult,
  formFromWatch,
  formToInput,
  type HeaderChange,
  normalizeUrlText,
  parseInterval,
  type WatchForm,
} from './watch-form';

export type EditorMode = { mode: 'add'; kind?: WatchKind } | { mode: 'edit'; def: WatchDef };

interface Props {
  target: EditorMode;
  /** Closes the editor; `message` says what was saved. */
  onClose: (message?: string) => void;
}

/** Add or edit one watch, with a Test that reads the live page once before anything is saved. */
export function WatchEditor({ target, onClose }: Props) {
  const def = target.mode === 'edit' ? target.def : null;
  const builtIn = def !== null && isBuiltIn(def);
  const [form, setForm] = useState<WatchForm>(() =>
    def ? formFromWatch(def) : emptyForm(target.mode === 'add' ? target.kind : undefined),
  );
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

  const set = (patch: Partial<WatchForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setTested(null);
    setAcceptType(false);
  };

  const read = (): FormResult => {
    const result = formToInput(form, { savedHeaderName: savedHeader, isValidSelector, pageTitle: tested?.verdict.title });
    if (!result.ok) setNotice({ tone: 'error', text: t('optionsFixFirst'), details: result.problems.map(problemText) });
    return result;
  };

  // Both ask for host access before their first await: the prompt needs the click's gesture.
  const run = (what: 'test' | 'save', patterns: string[], work: () => Promise<Notice | null>) => {
    const access = askAccess(patterns);
    setBusy(what);
    setNotice(null);
    void (async () => {
      const answer = await access;
      const failed = answer === 'granted' ? await work() : accessNotice(answer, patterns);
      if (failed) setNotice(failed);
    })().finally(() => setBusy(null));
  };

  const onTest = (event: Event, ignoreType = acceptType) => {
    event.preventDefault();
    const result = read();
    if (!result.ok) return;
    setTested(null);
    run('test', [accessPattern(result.watch)], async () => {
      // A rule the form only tidied is the saved one (changesFor): Test it as saved, as its checks read it.
      const untouched = def !== null && !('rule' in changesFor(result.input, def));
      const watch = untouched ? { ...result.input, rule: def.rule } : result.input;
      const reply = await send({ type: 'test-watch', watch, ...(def && { watchId: def.id, ignoreType }) });
      if (!reply.ok || !reply.verdict) return refusal(reply);
      setTested({ verdict: reply.verdict, url: result.watch.url });
      // Nothing typed as a name yet: the page's own title, ready to edit (not `set`, which forgets the Test).
      const named = result.watch.name;
      setForm((f) => (f.name.trim() ? f : { ...f, name: reply.verdict?.title ?? named }));
      return null;
    });
  };

  const onSave = (event: Event) => {
    event.preventDefault();
    const result = read();
    if (!result.ok) return;
    // A built-in watch's site is the manifest's: nothing to ask for.
    const patterns = isBuiltIn(result.watch) ? [] : [accessPattern(result.watch)];
    run('save', patterns, async () => {
      const failed = await saveWatch(result, def, channels, seenType(tested?.verdict, acceptType));
      if (!failed) onClose(def ? t('optionsSaved', result.watch.name) : t('optionsAdded', result.watch.name));
      return failed;
    });
  };

  const field = (suffix: string) => `${id}-${suffix}`;
  const heading = def ? t('optionsEditHeading', def.name) : t('optionsAddHeading');
  // The kind's own fields (./kinds/): the shell knows none of them.
  const { Section } = faceOf(form.kind);
  const secretHeader = specOf(form.kind).secretHeader === true;
  const parts = { form, set, field };
  const variants = tested?.verdict.found?.variants;

  return (
    <form class="editor" aria-labelledby={field('heading')} noValidate onSubmit={(e) => e.preventDefault()}>
      <h3 id={field('heading')}>{heading}</h3>
      {builtIn && <p class="muted">{t('optionsBuiltInNote')}</p>}

      {!builtIn && (
        <>
          <TargetFields {...parts} def={def} first={first} />
          <Section {...parts} variants={variants} />
          {secretHeader && <HeaderFields {...parts} def={def} savedHeader={savedHeader} />}
        </>
      )}

      <ScheduleFields {...parts} first={builtIn ? first : undefined} channelsId={id} channels={channels} setChannels={setChannels} />

      <NoticeArea notice={notice} />
      <TestArea
        busy={busy}
        tested={tested}
        noHeader={secretHeader && Boolean(form.headerName.trim() || savedHeader)}
        onAcceptType={(event) => {
          setAcceptType(true);
          onTest(event, true);
        }}
      />

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

interface PartProps {
  form: WatchForm;
  set: (patch: Partial<WatchForm>) => void;
  field: (suffix: string) => string;
}

/** What a watch the user points at a site has: its name, its kind (chosen once, when adding) and its address. */
function TargetFields({ form, set, field, def, first }: PartProps & { def: WatchDef | null; first: Ref<HTMLInputElement> }) {
  return (
    <>
      <Field id={field('name')} label={t('optionsName')}>
        <input
          id={field('name')}
          ref={first}
          type="text"
          value={form.name}
          maxLength={80}
          autoComplete="off"
          onInput={(e) => set({ name: e.currentTarget.value })}
        />
      </Field>

      {def ? (
        <p class="kind-line">
          <span class="label">{t('optionsKind')}</span> {kindWord(def.kind)}
        </p>
      ) : (
        <fieldset class="choices">
          <legend>{t('optionsKind')}</legend>
          {ADDABLE_KINDS.map((kind) => (
            <label key={kind} class="choice">
              <input type="radio" name={field('kind')} checked={form.kind === kind} onChange={() => set({ kind })} />
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
          onInput={(e) => set({ url: e.currentTarget.value })}
        />
      </Field>
    </>
  );
}

/** What every watch has: how often it is checked, its alerts, its channels and whether it runs. */
function ScheduleFields({
  form,
  set,
  field,
  first,
  channelsId,
  channels,
  setChannels,
}: PartProps & {
  first: Ref<HTMLInputElement> | undefined;
  channelsId: string;
  channels: string[] | null;
  setChannels: (ids: string[] | null) => void;
}) {
  return (
    <>
      <div class="inline-fields">
        <Field id={field('interval')} label={t('optionsInterval')}>
          <IntervalSelect id={field('interval')} first={first} form={form} set={set} />
        </Field>
      </div>
      {specOf(form.kind).renders && (
        <>
          <Switch label={t('optionsRender')} checked={form.render} onChange={(v) => set({ render: v })} />
          <p class="muted hint">{t('optionsRenderHint', MIN_RENDER_INTERVAL_MINUTES)}</p>
        </>
      )}
      <Switch label={t('optionsNotify')} checked={form.notify} onChange={(v) => set({ notify: v })} />
      <ChannelChoice id={channelsId} chosen={channels} onChange={setChannels} />
      <Switch label={t('optionsEnabled')} checked={form.enabled} onChange={(v) => set({ enabled: v })} />
    </>
  );
}

/** What a Test found, and the way to accept a changed shape. */
function TestArea({
  busy,
  tested,
  noHeader,
  onAcceptType,
}: {
  busy: 'test' | 'save' | null;
  tested: { verdict: Verdict; url: string } | null;
  noHeader: boolean;
  onAcceptType: (event: Event) => void;
}) {
  return (
    <div aria-live="polite" class="test-area">
      {busy === 'test' && <p class="muted">{t('optionsTesting')}</p>}
      {tested && <TestResult verdict={tested.verdict} url={tested.url} />}
      {tested?.verdict.reason === 'type-changed' && (
        <button type="button" disabled={busy !== null} onClick={onAcceptType}>
          {t('optionsAcceptType')}
        </button>
      )}
      {tested && noHeader && <p class="muted hint">{t('optionsTestNoHeader')}</p>}
    </div>
  );
}

/** The secret request header, for a kind whose spec allows one; its value is never shown again. */
function HeaderFields({ form, set, field, def, savedHeader }: PartProps & { def: WatchDef | null; savedHeader: string | null }) {
  // The saved header belongs to the watch's https origin: an address elsewhere drops it on save.
  const leavesHeader = savedHeader !== null && def !== null && leavesOrigin(form.url, def.url);
  return (
    <fieldset class="rule">
      <legend>{t('optionsHeader')}</legend>
      <p class="muted hint" id={field('header-note')}>
        {t('optionsHeaderNote')}
      </p>
      <div class="inline-fields">
        <TextField
          id={field('header-name')}
          label={t('optionsHeaderName')}
          value={form.headerName}
          spellcheck={false}
          describedBy={field('header-note')}
          onValue={(headerName) => set({ headerName })}
        />
        <TextField
          id={field('header-value')}
          label={t('optionsHeaderValue')}
          type="password"
          value={form.headerValue}
          describedBy={savedHeader ? field('header-saved') : field('header-note')}
          onValue={(headerValue) => set({ headerValue })}
        />
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
  );
}

type Saving = Extract<FormResult, { ok: true }>;

/** What Test showed is what the watch expects from now on (a JSON value's type; src/core/watch-state.ts). */
function seenType(verdict: Verdict | undefined, acceptType: boolean): { valueType?: string; acceptType?: true } {
  const shown = verdict?.kind === 'open' || verdict?.kind === 'paused' ? verdict.valueType : undefined;
  return shown ? { valueType: shown, ...(acceptType && { acceptType: true }) } : {};
}

/** Adds or updates the watch, then its header; what went wrong as a notice, else null. */
async function saveWatch(result: Saving, def: WatchDef | null, channels: string[] | null, seen: ReturnType<typeof seenType>) {
  const reply = def
    ? await send({ type: 'update-watch', watchId: def.id, changes: { ...changesFor(result.input, def), channels }, ...seen })
    : await send({ type: 'add-watch', watch: { ...result.input, ...(channels && { channels }) }, ...seen });
  const watchId = def?.id ?? (reply.ok && 'watchId' in reply ? (reply.watchId as string) : undefined);
  if (!reply.ok || !watchId) return refusal(reply);
  const headerFailed = await saveHeader(watchId, result.header);
  return headerFailed ? ({ tone: 'error', text: t('optionsHeaderNotSaved'), details: headerFailed } satisfies Notice) : null;
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

/** The same choices as the popup's (src/shared/interval-choices.ts); the form keeps minutes as text. */
function IntervalSelect({
  id,
  first,
  form,
  set,
}: Pick<PartProps, 'form' | 'set'> & { id: string; first: Ref<HTMLInputElement> | undefined }) {
  const currentMs = (parseInterval(form.interval) ?? 0) * 60_000;
  const render = specOf(form.kind).renders === true && form.render;
  return (
    <select
      id={id}
      ref={first as unknown as Ref<HTMLSelectElement>}
      value={String(currentMs / 60_000)}
      onChange={(e) => set({ interval: e.currentTarget.value })}
    >
      {intervalChoices(render, currentMs).map((ms) => (
        <option key={ms} value={String(ms / 60_000)}>
          {intervalLabel(ms)}
        </option>
      ))}
    </select>
  );
}
