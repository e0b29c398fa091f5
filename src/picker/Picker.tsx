import { useEffect, useRef, useState } from 'preact/hooks';
import { narrower, sibling, wider } from '../core/pick/navigate';
import { pickedText } from '../core/pick/picked-text';
import type { Meaning, Reading } from '../core/pick/proposal';
import { robustSelector } from '../core/pick/selector';
import { evidenceText } from '../shared/evidence-text';
import { t } from '../shared/i18n';
import { addPicked } from './ask-worker';
import { outline } from './overlay';
import { type PageFacts, pageMeaning, previewRule, type RulePreview } from './preview';

type Preview = { type: 'idle' } | { type: 'reading' } | { type: 'no-text' } | { type: 'no-selector' } | RulePreview;
type Adding = { type: 'idle' } | { type: 'adding' } | { type: 'added'; reading: Reading | null } | { type: 'failed'; why: string };

interface Props {
  root: ShadowRoot;
  host: Element;
  page: PageFacts;
  onClose: () => void;
}

/** Whether an event happened in the picker's own panel (its shadow host is on the path). */
const inPicker = (event: Event, host: Element) => event.composedPath().includes(host);

/** Where keyboard picking starts: what has focus, else the page's main content. */
function startingPoint(): Element | null {
  const active = document.activeElement;
  if (active && active !== document.body && active.localName !== 'html' && active.localName !== 'reopen-watch-picker') return active;
  return document.querySelector('main, [role="main"]') ?? narrower(document.body);
}

const STATE_WORDS = { open: 'stateOpen', paused: 'statePaused' } as const;
const stateOf = (reading: Reading) =>
  reading.kind === 'open' || reading.kind === 'paused' ? t(STATE_WORDS[reading.kind]) : t('stateUnknown');

/**
 * The picker: hover outlines, a click picks, Wider/Narrower (↑/↓, ←/→ for siblings) adjust, Esc
 * cancels. Each pick proposes a text rule and shows what it reads now; **Watch this** adds it.
 */
export function Picker({ root, host, page, onClose }: Props) {
  const [picked, setPicked] = useState<Element | null>(null);
  const [preview, setPreview] = useState<Preview>({ type: 'idle' });
  const [adding, setAdding] = useState<Adding>({ type: 'idle' });
  const firstPicked = useRef<Element | null>(null);
  const meaning = useRef<Promise<Meaning> | null>(null);
  const outlines = useRef<{ hover: ReturnType<typeof outline>; picked: ReturnType<typeof outline> } | null>(null);
  outlines.current ??= { hover: outline(root, 'hover'), picked: outline(root, 'picked') };
  const pickedNow = useRef<Element | null>(null);
  pickedNow.current = picked;

  const choose = (el: Element | null, first = false) => {
    if (!el) return;
    if (first) firstPicked.current = el;
    setPicked(el);
    setAdding({ type: 'idle' });
  };

  // The page's pointer and keys, taken while the picker is open: a click picks, it does not follow links.
  useEffect(() => {
    const hover = (event: MouseEvent) => {
      if (inPicker(event, host)) return outlines.current?.hover.show(null);
      outlines.current?.hover.show(document.elementFromPoint(event.clientX, event.clientY));
    };
    const swallow = (event: Event) => {
      if (inPicker(event, host)) return;
      event.preventDefault();
      event.stopImmediatePropagation();
    };
    const click = (event: MouseEvent) => {
      if (inPicker(event, host)) return;
      swallow(event);
      if (!event.isTrusted) return; // the page's own scripts cannot pick for the user
      choose(document.elementFromPoint(event.clientX, event.clientY), true);
    };
    const keys = (event: KeyboardEvent) => {
      if (!event.isTrusted) return;
      if (event.key === 'Escape') {
        swallow(event);
        onClose();
        return;
      }
      const at = pickedNow.current;
      const moves: Record<string, () => Element | null> = {
        ArrowUp: () => (at ? wider(at) : startingPoint()),
        ArrowDown: () => (at ? narrower(at, firstPicked.current) : startingPoint()),
        ArrowLeft: () => (at ? sibling(at, 'previous') : startingPoint()),
        ArrowRight: () => (at ? sibling(at, 'next') : startingPoint()),
      };
      const move = moves[event.key];
      if (!move) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      const next = move();
      if (next) choose(next, !at || event.key === 'ArrowLeft' || event.key === 'ArrowRight');
    };
    const follow = () => outlines.current?.picked.refresh();
    const blocked = ['mousedown', 'mouseup', 'pointerdown', 'pointerup', 'auxclick', 'dblclick', 'contextmenu', 'submit'];
    window.addEventListener('mousemove', hover, true);
    window.addEventListener('click', click, true);
    for (const type of blocked) window.addEventListener(type, swallow, true);
    window.addEventListener('keydown', keys, true);
    window.addEventListener('scroll', follow, true);
    window.addEventListener('resize', follow);
    window.addEventListener('pagehide', onClose);
    return () => {
      window.removeEventListener('mousemove', hover, true);
      window.removeEventListener('click', click, true);
      for (const type of blocked) window.removeEventListener(type, swallow, true);
      window.removeEventListener('keydown', keys, true);
      window.removeEventListener('scroll', follow, true);
      window.removeEventListener('resize', follow);
      window.removeEventListener('pagehide', onClose);
    };
  }, []);

  // Each pick: its selector and text, then what the proposed rule reads (a later pick wins).
  useEffect(() => {
    outlines.current?.picked.show(picked);
    outlines.current?.hover.show(null);
    if (!picked) return;
    let current = true;
    const selector = robustSelector(picked);
    const { phrase } = pickedText(picked);
    if (!phrase) setPreview({ type: 'no-text' });
    else if (!selector) setPreview({ type: 'no-selector' });
    else {
      setPreview({ type: 'reading' });
      meaning.current ??= pageMeaning(page);
      void meaning.current.then((m) => previewRule(page, selector, phrase, m)).then((result) => current && setPreview(result));
    }
    return () => {
      current = false;
    };
  }, [picked]);

  async function watchThis(event: Event) {
    if (!event.isTrusted || preview.type !== 'ready' || !preview.canAdd) return;
    setAdding({ type: 'adding' });
    const result = await addPicked(preview.watch);
    setAdding(result.ok ? { type: 'added', reading: result.value } : { type: 'failed', why: result.why });
    if (result.ok) setTimeout(onClose, 4000);
  }

  const text = picked ? pickedText(picked) : null;
  const ready = preview.type === 'ready' ? preview : null;
  return (
    <div class="panel" role="dialog" aria-label={t('pickerTitle')} tabIndex={-1}>
      <h2>{t('pickerTitle')}</h2>
      {!picked && <p class="muted">{t('pickerHint')}</p>}
      {picked && text && (
        <>
          <p class="muted">{t('pickerPickedText')}</p>
          <div class="text">{text.shown || '—'}</div>
          {text.phrase && text.phrase !== text.shown && <p class="muted">{t('pickerPhrase', text.phrase)}</p>}
        </>
      )}
      {preview.type === 'no-text' && <p role="alert">{t('pickerNoText')}</p>}
      {preview.type === 'no-selector' && <p role="alert">{t('pickerNoSelector')}</p>}
      {preview.type === 'reading' && <p class="muted">{t('pickerReading')}</p>}
      {preview.type === 'failed' && <p role="alert">{t('pickerFailed', preview.why)}</p>}
      {ready && (
        <>
          <p class="muted">
            {t('pickerSelector')} <code>{ready.rule.selector}</code>
          </p>
          <p class="muted">{t(ready.rule.openWhen ? 'pickerMeansOpen' : 'pickerMeansPaused')}</p>
          <p class="reads" role="status">
            {t('pickerReadsNow', stateOf(ready.reading), evidenceText(ready.reading))}
          </p>
          {ready.render && <p class="muted">{t('pickerRendered')}</p>}
          {ready.phraseMissing && <p role="alert">{t('pickerPhraseMissing')}</p>}
          {ready.selectorMissing && <p role="alert">{t('pickerSelectorMissing')}</p>}
        </>
      )}
      {adding.type === 'adding' && <p class="muted">{t('pickerAdding')}</p>}
      {adding.type === 'added' && (
        <p role="status">{adding.reading ? t('pickerAdded', stateOf(adding.reading)) : t('pickerAddedUnchecked')}</p>
      )}
      {adding.type === 'failed' && <p role="alert">{t('pickerFailed', adding.why)}</p>}
      <div class="row">
        <button type="button" disabled={!picked || !wider(picked)} onClick={() => choose(picked && wider(picked))}>
          {t('pickerWider')}
        </button>
        <button
          type="button"
          disabled={!picked || !narrower(picked, firstPicked.current)}
          onClick={() => choose(picked && narrower(picked, firstPicked.current))}
        >
          {t('pickerNarrower')}
        </button>
        <button
          type="button"
          class="primary"
          disabled={!ready?.canAdd || adding.type === 'adding' || adding.type === 'added'}
          onClick={(event) => void watchThis(event)}
        >
          {t('pickerWatchThis')}
        </button>
        <button type="button" onClick={onClose}>
          {adding.type === 'added' ? t('pickerDone') : t('pickerCancel')}
        </button>
      </div>
    </div>
  );
}
