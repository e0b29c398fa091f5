// The form behind **Watch this page**, loaded on its first click (./WatchThisPage.tsx) so the
// popup opens without it: name, a live preview of what the `auto` rule reads, variants, Pick on the page.
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Verdict } from '../core/verdict';
import { evidenceText } from '../shared/evidence-text';
import { confirmedWordKey } from '../shared/glance';
import { sitePattern } from '../shared/host-access';
import { t } from '../shared/i18n';
import { requestHostAccess } from '../shared/request-access';
import { refusalText } from '../shared/send';
import { send } from './send';
import type { Tab } from './WatchThisPage';

/** Written by the build (scripts/content-scripts.ts) from src/picker/. */
const PICKER_FILE = 'picker.js';

type Preview =
  | { type: 'none' }
  | { type: 'reading' }
  | { type: 'read'; verdict: Verdict }
  | { type: 'failed'; why: string }
  | { type: 'added' };

/**
 * Name and address prefilled from the tab, a live preview of what the `auto` rule reads there once
 * access is granted, and one click to add (which asks for the origin).
 */
export function WatchThisPageForm({ tab, onCancel }: { tab: Tab; onCancel: () => void }) {
  const [name, setName] = useState(tab.title);
  const [preview, setPreview] = useState<Preview>({ type: 'none' });
  // Offered once a preview found a page that builds itself with scripts; the preview then renders too.
  const [render, setRender] = useState(false);
  // A product page with several variants: the one the user needs, or '' for any.
  const [variant, setVariant] = useState('');
  const host = new URL(tab.url).host;
  const watch = (rendered = render) => ({
    name: name.trim() || tab.title,
    kind: 'page',
    url: tab.url,
    rule: variant ? { type: 'auto', variant } : { type: 'auto' },
    ...(rendered && { render: true }),
  });

  useEffect(() => {
    // Without access yet the preview waits: the permission prompt belongs to the Add click.
    void browser.permissions.contains({ origins: [sitePattern(tab.url)] }).then((granted) => {
      if (granted) void runPreview();
    });
  }, []);

  async function runPreview(rendered = render) {
    setPreview({ type: 'reading' });
    const response = await send({ type: 'test-watch', watch: watch(rendered) });
    setPreview(
      response.ok && response.verdict
        ? { type: 'read', verdict: response.verdict }
        : { type: 'failed', why: response.ok ? '' : refusalText(response) },
    );
  }

  async function add() {
    // First call in the click handler: browsers only show the prompt for a user gesture.
    if (!(await requestHostAccess([sitePattern(tab.url)]))) return;
    const response = await send({ type: 'add-watch', watch: watch() });
    if (!response.ok) setPreview({ type: 'failed', why: refusalText(response) });
    else {
      setPreview({ type: 'added' });
      if (response.watchId) void send({ type: 'check-now', watchId: response.watchId });
    }
  }

  /**
   * **Pick on the page**: the watch will need the site, so access is asked first (this click is the
   * gesture); then the picker goes into this tab (activeTab + scripting) and the popup makes way.
   */
  async function pick() {
    if (!(await requestHostAccess([sitePattern(tab.url)]))) return;
    try {
      const [current] = await browser.tabs.query({ active: true, currentWindow: true });
      if (current?.id === undefined) throw new Error('no tab');
      await browser.scripting.executeScript({ target: { tabId: current.id }, files: [PICKER_FILE] });
      window.close();
    } catch (error) {
      setPreview({ type: 'failed', why: String(error) });
    }
  }

  return (
    <section class="watch-this-page" aria-label={t('popupWatchThisPage')}>
      <label class="field">
        <span>{t('popupName')}</span>
        <input type="text" value={name} maxLength={80} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <p class="muted small">
        {t('popupAddress')}: <span class="url">{tab.url}</span>
      </p>
      <PreviewLine preview={preview} host={host} />
      {render && <p class="muted small">{t('popupRendered')}</p>}
      {preview.type === 'read' && (preview.verdict.found?.variants.length ?? 0) > 1 && (
        <label class="field">
          <span>{t('popupVariant')}</span>
          <select value={variant} onChange={(e) => setVariant(e.currentTarget.value)}>
            <option value="">{t('popupAnyVariant')}</option>
            {preview.verdict.found?.variants.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </label>
      )}
      {!render && preview.type === 'read' && preview.verdict.reason === 'needs-rendering' && (
        <div class="render-offer">
          <p class="small">{t('renderOffer')}</p>
          <button
            type="button"
            class="secondary"
            onClick={() => {
              setRender(true);
              void runPreview(true);
            }}
          >
            {t('renderOfferAction')}
          </button>
        </div>
      )}
      <div class="secondary-row">
        <button type="button" class="primary" onClick={add} disabled={preview.type === 'added'}>
          {t('popupAddWatch')}
        </button>
        <button type="button" class="secondary" onClick={() => void pick()}>
          {t('popupPickOnPage')}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('popupCancel')}
        </button>
      </div>
    </section>
  );
}

function PreviewLine({ preview, host }: { preview: Preview; host: string }) {
  if (preview.type === 'none') return <p class="muted small">{t('popupPreviewNeedsAccess', host)}</p>;
  if (preview.type === 'reading') return <p class="muted small">{t('popupPreviewing')}</p>;
  if (preview.type === 'added') return <p role="status">{t('popupAdded')}</p>;
  if (preview.type === 'failed') return <p role="alert">{t('popupAddFailed', preview.why)}</p>;
  const { kind, reason } = preview.verdict;
  // As its row will say it: a product read from its offers is in stock or sold out.
  const state =
    kind === 'open' || kind === 'paused'
      ? t(confirmedWordKey('page', { availability: kind, reason }))
      : t(kind === 'queued' ? 'stateQueued' : 'stateUnknown');
  return <p class="preview">{t('popupPreviewSays', evidenceText(preview.verdict), state)}</p>;
}
