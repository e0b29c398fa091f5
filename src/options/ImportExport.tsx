import { useState } from 'preact/hooks';
import type { Stored } from '../core/stored-schema';
import { formatList, t, tPlural } from '../shared/i18n';
import { accessNotice, askAccess, hasAccess, hostOfPattern } from './access';
import { downloadText, isValidSelector } from './dom';
import { send } from './messaging';
import { type Notice, NoticeArea, problemText, refusal } from './notice';

export const EXPORT_FILE_NAME = 'reopen-watch-watches.json';

// Reading and writing watch files needs the rule checks: loaded on the first import or export,
// not before the page's first paint.
const importCode = () => Promise.all([import('./later/import-file'), import('../core/watch-file')]);
const exportCode = () => import('../core/watch-file');

/** A file that passed every check and waits for the user to allow the sites it watches. */
interface Pending {
  file: unknown;
  origins: string[];
  count: number;
}

/**
 * Import: the file is checked here first (size, JSON, the contract's format) so a bad one is
 * explained at once and nothing changes; then the sites it needs are asked for; then the worker
 * checks it again and adds it all or nothing. Export: definitions only; secrets live elsewhere.
 */
export function ImportExport({ stored }: { stored: Stored }) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);

  const importFile = async (file: unknown, count: number) => {
    const reply = await send({ type: 'import-watches', file });
    setNotice(reply.ok ? { tone: 'ok', text: tPlural('optionsImported', reply.added ?? count) } : refusal(reply));
  };

  const onFile = async (input: HTMLInputElement) => {
    const chosen = input.files?.[0];
    input.value = ''; // choosing the same file again is a new import
    if (!chosen) return;
    setPending(null);
    setNotice(null);
    setBusy(true);
    let code: Awaited<ReturnType<typeof importCode>>;
    try {
      code = await importCode();
    } catch {
      setNotice({ tone: 'error', text: t('optionsLoadFailed') });
      setBusy(false);
      return;
    }
    const [{ readWatchFile }, { MAX_FILE_BYTES }] = code;
    try {
      // The size is checked before reading: a huge file is never loaded into memory.
      const text = chosen.size > MAX_FILE_BYTES ? '' : await chosen.text();
      const read = readWatchFile(text, chosen.size, isValidSelector);
      if (!read.ok) {
        setNotice({ tone: 'error', text: problemText(read.problem), details: read.details });
        return;
      }
      // Already allowed (or nothing to allow): no prompt, so no click is needed.
      if (await hasAccess(read.origins)) await importFile(read.file, read.watches.length);
      else setPending({ file: read.file, origins: read.origins, count: read.watches.length });
    } catch {
      setNotice({ tone: 'error', text: t('optionsImportUnreadable') });
    } finally {
      setBusy(false);
    }
  };

  const onAllow = () => {
    if (!pending) return;
    const access = askAccess(pending.origins); // first: the prompt needs this click's gesture
    setBusy(true);
    void access
      .then(async (answer) => {
        if (answer !== 'granted') {
          setNotice(accessNotice(answer, pending.origins));
          return;
        }
        setPending(null);
        await importFile(pending.file, pending.count);
      })
      .finally(() => setBusy(false));
  };

  const onExport = () => {
    void exportCode().then(
      ({ exportWatches }) => {
        const file = exportWatches(stored);
        downloadText(EXPORT_FILE_NAME, `${JSON.stringify(file, null, 2)}\n`);
        setNotice({ tone: 'ok', text: tPlural('optionsExported', file.watches.length) });
      },
      () => setNotice({ tone: 'error', text: t('optionsLoadFailed') }),
    );
  };

  return (
    <section class="card" aria-labelledby="file-heading">
      <h2 id="file-heading">{t('optionsFileHeading')}</h2>
      <div class="button-row">
        <label class="secondary file-button">
          <input
            type="file"
            class="visually-hidden"
            accept=".json,application/json"
            disabled={busy}
            onChange={(e) => void onFile(e.currentTarget)}
          />
          <span>{t('optionsImport')}</span>
        </label>
        <button type="button" class="secondary" onClick={onExport}>
          {t('optionsExport')}
        </button>
      </div>
      <p class="muted hint">{t('optionsExportNote')}</p>
      {pending && (
        <div class="confirm">
          <p>{tPlural('optionsImportNeedsAccess', pending.count, formatList(pending.origins.map(hostOfPattern)))}</p>
          <div class="button-row">
            <button type="button" class="primary" disabled={busy} onClick={onAllow}>
              {t('optionsImportAllow')}
            </button>
            <button type="button" class="secondary" onClick={() => setPending(null)}>
              {t('optionsCancel')}
            </button>
          </div>
        </div>
      )}
      <NoticeArea notice={notice} />
    </section>
  );
}
