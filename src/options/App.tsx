import { useEffect, useRef, useState } from 'preact/hooks';
import type { Stored } from '../core/stored-schema';
import { MAX_WATCHES } from '../core/watch-def';
import { t } from '../shared/i18n';
import { useStored } from '../shared/use-stored';
import { Channels } from './Channels';
import { DesktopAlerts } from './DesktopAlerts';
import { WatchEditor } from './editors';
import { GlobalSettings } from './GlobalSettings';
import { ImportExport } from './ImportExport';
import { type Notice, NoticeArea } from './notice';
import { WatchList } from './WatchList';

export function App() {
  const stored = useStored();
  if (!stored) return <main class="options" aria-busy="true" />;
  return <Options stored={stored} />;
}

/** Which editor is open: none, the add form, or one watch's (by id, so it follows live data). */
type Editing = null | 'add' | { id: string };

/**
 * Where another page sends the person (the welcome page, the popup on a non-web tab): `#add` opens
 * the add form (`#add-json` for a JSON watch); `#import` and `#channels` scroll to their section.
 */
const ARRIVED_AT = location.hash.slice(1);
const SECTIONS: Record<string, string> = { import: 'file-heading', channels: 'channels-heading' };

function Options({ stored }: { stored: Stored }) {
  const [editing, setEditing] = useState<Editing>(ARRIVED_AT.startsWith('add') ? 'add' : null);
  useEffect(() => {
    if (!SECTIONS[ARRIVED_AT]) return;
    // The section may render a moment later (channels are read on their own): looked for until it is there.
    let tries = 0;
    const timer = setInterval(() => {
      const heading = document.getElementById(SECTIONS[ARRIVED_AT] as string);
      if (heading) heading.closest('section')?.scrollIntoView({ block: 'start' });
      if (heading || ++tries > 50) clearInterval(timer);
    }, 50);
    return () => clearInterval(timer);
  }, []);
  const [notice, setNotice] = useState<Notice | null>(null);
  const focusLater = useRef<{ key: string; order?: string[] } | null>(null);
  const [, rerender] = useState(0);

  // Focus returns to where the user was once the list shows the change (a moved row is re-inserted).
  useEffect(() => {
    const pending = focusLater.current;
    if (!pending) return;
    if (pending.order && pending.order.join() !== stored.watchIds.join()) return;
    focusLater.current = null;
    const [dir, id] = pending.key.split(':');
    const el =
      document.querySelector<HTMLButtonElement>(`[data-focus="${pending.key}"]:not(:disabled)`) ??
      document.querySelector<HTMLButtonElement>(`[data-focus="${dir === 'up' ? 'down' : 'up'}:${id}"]`);
    el?.focus();
  });
  const onFocusLater = (key: string, order?: string[]) => {
    focusLater.current = { key, order };
    rerender((n) => n + 1);
  };

  const editingId = typeof editing === 'object' && editing !== null ? editing.id : null;
  // The watch being edited was removed (here or elsewhere): its editor closes.
  useEffect(() => {
    if (editingId && !stored.watches[editingId]) setEditing(null);
  }, [editingId, stored]);

  const closeEditor = (message?: string) => {
    const returnTo = editingId ? `edit:${editingId}` : 'add';
    setEditing(null);
    setNotice(message ? { tone: 'ok', text: message } : null);
    onFocusLater(returnTo);
  };
  const full = stored.watchIds.length >= MAX_WATCHES;

  return (
    <main class="options">
      <header class="page-header">
        <h1>{t('optionsTitle')}</h1>
        <p class="muted">{t('optionsIntro')}</p>
      </header>

      <section class="card" aria-labelledby="watches-heading">
        <div class="section-head">
          <h2 id="watches-heading">{t('optionsWatchesHeading')}</h2>
          <button
            type="button"
            class="primary"
            data-focus="add"
            disabled={full}
            aria-expanded={editing === 'add'}
            onClick={() => {
              setNotice(null);
              setEditing('add');
            }}
          >
            {t('optionsAddWatch')}
          </button>
        </div>
        {stored.settings.paused && <p class="watching-off">{t('optionsWatchingOffNote')}</p>}
        {full && <p class="muted">{t('optionsMaxWatches', MAX_WATCHES)}</p>}
        <NoticeArea notice={notice} />
        {editing === 'add' && (
          <WatchEditor target={{ mode: 'add', ...(ARRIVED_AT === 'add-json' && { kind: 'json' as const }) }} onClose={closeEditor} />
        )}
        <WatchList
          stored={stored}
          editingId={editingId}
          onEdit={(id) => {
            setNotice(null);
            setEditing({ id });
          }}
          onCloseEditor={closeEditor}
          onNotice={setNotice}
          onFocusLater={onFocusLater}
        />
      </section>

      <ImportExport stored={stored} />
      <GlobalSettings settings={stored.settings} />
      <DesktopAlerts settings={stored.settings} />

      <Channels />
    </main>
  );
}
