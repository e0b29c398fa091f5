import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { checkUrl } from '../core/watch-def';
import { t } from '../shared/i18n';

export interface Tab {
  url: string;
  title: string;
}

/** The current tab (activeTab: its URL and title, only when the user opened the popup there). */
function useCurrentTab(): Tab | null | 'unwatchable' {
  const [tab, setTab] = useState<Tab | null | 'unwatchable'>(null);
  useEffect(() => {
    void browser.tabs.query({ active: true, currentWindow: true }).then(([current]) => {
      const url = current?.url ? checkUrl(current.url) : null;
      if (typeof url !== 'string') setTab('unwatchable');
      else setTab({ url, title: (current?.title ?? '').trim().slice(0, 80) || new URL(url).host });
    });
  }, []);
  return tab;
}

/** The options page with its add form open (src/options/App.tsx reads the `#add`). */
async function openAddForm(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL('src/options/index.html#add') });
  window.close();
}

type Form = ComponentType<{ tab: Tab; onCancel: () => void }>;

/**
 * **Watch this page**: a button for a web page not watched yet. Its form (./WatchThisPageForm.tsx)
 * loads on the first click, so the popup opens without that code (the bench's popup-js-gzip).
 */
export function WatchThisPage({ knownUrls }: { knownUrls: string[] }) {
  const tab = useCurrentTab();
  const [Form, setForm] = useState<Form | null>(null);
  const [open, setOpen] = useState(false);
  const [failed, setFailed] = useState('');
  // Not a web page (a new tab, the browser's settings): the options page's add form instead of a dead end.
  if (tab === 'unwatchable') {
    return (
      <div class="page-bar">
        <button type="button" class="secondary wide" onClick={() => void openAddForm()}>
          {t('popupAddInOptions')}
        </button>
        <p class="muted small">{t('popupNotWatchable')}</p>
      </div>
    );
  }
  if (tab === null || knownUrls.includes(tab.url)) return null;

  async function start() {
    try {
      const loaded = await import('./WatchThisPageForm');
      setForm(() => loaded.WatchThisPageForm);
      setOpen(true);
    } catch (error) {
      setFailed(String(error));
    }
  }

  if (open && Form) return <Form tab={tab} onCancel={() => setOpen(false)} />;
  return (
    <div class="page-bar">
      <button type="button" class="secondary wide" onClick={() => void start()}>
        {t('popupWatchThisPage')}
      </button>
      {failed && <p role="alert">{t('popupAddFailed', failed)}</p>}
    </div>
  );
}
