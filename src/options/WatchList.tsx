import { useEffect, useRef, useState } from 'preact/hooks';
import { isBuiltIn } from '../core/kinds/registry';
import type { Stored, WatchRecord } from '../core/stored-schema';
import { rowTone, rowWordKey } from '../shared/glance';
import { accessPattern } from '../shared/host-access';
import { t, tPlural } from '../shared/i18n';
import { RenderOffer } from '../shared/RenderOffer';
import { useSiteAccess } from '../shared/use-site-access';
import { accessNotice, askAccess } from './access';
import { WatchEditor } from './editors';
import { kindWord } from './form-parts';
import type { EditorMode } from './later/WatchEditor';
import { send } from './messaging';
import type { Notice } from './notice';
import { refusal } from './notice';
import { moveWatch } from './watch-order';

interface ListProps {
  stored: Stored;
  editingId: string | null;
  onEdit: (id: string) => void;
  onCloseEditor: (message?: string) => void;
  onNotice: (notice: Notice | null) => void;
  /** Focus the element with this data-focus key once the list shows `order` (after a move or removal). */
  onFocusLater: (key: string, order?: string[]) => void;
}

/** Every watch in display order, each with its switch and actions; the editor opens under its row. */
export function WatchList({ stored, editingId, onEdit, onCloseEditor, onNotice, onFocusLater }: ListProps) {
  const ids = stored.watchIds.filter((id) => stored.watches[id]);
  // Asked of the browser as the popup asks it, so both show Grant for the same watches.
  const hasAccess = useSiteAccess(ids.map((id) => stored.watches[id] as WatchRecord));
  const move = async (id: string, delta: -1 | 1) => {
    const order = moveWatch(ids, id, delta);
    if (!order) return;
    onNotice(null);
    const reply = await send({ type: 'reorder-watches', watchIds: order });
    if (!reply.ok) onNotice(refusal(reply));
    else onFocusLater(`${delta < 0 ? 'up' : 'down'}:${id}`, order);
  };
  return (
    <ol class="watch-list">
      {ids.map((id, index) => {
        const record = stored.watches[id] as WatchRecord;
        const editing = editingId === id;
        const target: EditorMode = { mode: 'edit', def: record.def };
        return (
          <li key={id} class={editing ? 'watch editing' : 'watch'}>
            <WatchRow
              record={record}
              access={hasAccess(record)}
              first={index === 0}
              last={index === ids.length - 1}
              editing={editing}
              onEdit={() => onEdit(id)}
              onMove={(delta) => void move(id, delta)}
              onNotice={onNotice}
              onRemoved={() => onFocusLater('add')}
            />
            {editing && <WatchEditor key={id} target={target} onClose={onCloseEditor} />}
          </li>
        );
      })}
    </ol>
  );
}

interface RowProps {
  record: WatchRecord;
  /** The extension may read the watch's site (src/shared/use-site-access.ts). */
  access: boolean;
  first: boolean;
  last: boolean;
  editing: boolean;
  onEdit: () => void;
  onMove: (delta: -1 | 1) => void;
  onNotice: (notice: Notice | null) => void;
  onRemoved: () => void;
}

function WatchRow({ record, access, first, last, editing, onEdit, onMove, onNotice, onRemoved }: RowProps) {
  const { def, state } = record;
  const [confirming, setConfirming] = useState(false);
  const [, rerender] = useState(0);
  const tone = rowTone(def, state, access);
  const host = new URL(def.url).host;
  const builtIn = isBuiltIn(def);
  const noAccess = !builtIn && (!access || state.latest?.reason === 'no-host-access');

  const toggle = async (enabled: boolean) => {
    onNotice(null);
    const reply = await send({ type: 'update-watch', watchId: def.id, changes: { enabled } });
    if (!reply.ok) {
      onNotice(refusal(reply));
      rerender((n) => n + 1); // puts the switch back to what is stored
    }
  };
  const remove = async () => {
    onNotice(null);
    const reply = await send({ type: 'remove-watch', watchId: def.id });
    if (!reply.ok) onNotice(refusal(reply));
    else {
      onNotice({ tone: 'ok', text: t('optionsRemoved', def.name) });
      onRemoved();
    }
  };
  const grant = () => {
    const patterns = [accessPattern(def)];
    void askAccess(patterns).then(async (answer) => {
      if (answer !== 'granted') onNotice(accessNotice(answer, patterns));
      else await send({ type: 'check-now', watchId: def.id });
    });
  };

  return (
    <div class={`watch-row tone-${tone}`}>
      <div class="watch-main">
        <span class="watch-name">{def.name}</span>
        <span class="watch-meta">
          <span class="state-word">{t(rowWordKey(def, state, access))}</span>
          <span>{kindWord(def.kind)}</span>
          <span>{host}</span>
          <span>{tPlural('optionsEvery', def.intervalMinutes)}</span>
          {def.render && <span>{t('popupRendered')}</span>}
        </span>
        <RenderOffer record={record} />
      </div>
      <input
        type="checkbox"
        role="switch"
        class="row-switch"
        checked={def.enabled}
        aria-checked={def.enabled}
        aria-label={t('optionsEnabledNamed', def.name)}
        title={t('optionsEnabledNamed', def.name)}
        onChange={(e) => void toggle(e.currentTarget.checked)}
      />
      <div class="row-actions">
        {noAccess && (
          <button type="button" class="secondary" onClick={grant}>
            {t('optionsGrantAccess', host)}
          </button>
        )}
        <button
          type="button"
          class="icon"
          data-focus={`up:${def.id}`}
          aria-label={t('optionsMoveUpNamed', def.name)}
          title={t('optionsMoveUpNamed', def.name)}
          disabled={first}
          onClick={() => onMove(-1)}
        >
          ↑
        </button>
        <button
          type="button"
          class="icon"
          data-focus={`down:${def.id}`}
          aria-label={t('optionsMoveDownNamed', def.name)}
          title={t('optionsMoveDownNamed', def.name)}
          disabled={last}
          onClick={() => onMove(1)}
        >
          ↓
        </button>
        <button
          type="button"
          class="secondary"
          data-focus={`edit:${def.id}`}
          aria-label={t('optionsEditNamed', def.name)}
          aria-expanded={editing}
          onClick={onEdit}
        >
          {t('optionsEdit')}
        </button>
        {!builtIn && (
          <button type="button" class="secondary danger" aria-label={t('optionsRemoveNamed', def.name)} onClick={() => setConfirming(true)}>
            {t('optionsRemove')}
          </button>
        )}
      </div>
      {confirming && (
        <ConfirmRemove
          name={def.name}
          onYes={() => {
            setConfirming(false);
            void remove();
          }}
          onNo={() => setConfirming(false)}
        />
      )}
    </div>
  );
}

/** Asks once more before a watch and its history go; the safe choice is focused first. */
function ConfirmRemove({ name, onYes, onNo }: { name: string; onYes: () => void; onNo: () => void }) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div class="confirm">
      <p>{t('optionsRemoveConfirm', name)}</p>
      <div class="button-row">
        <button type="button" class="primary danger" onClick={onYes}>
          {t('optionsRemoveYes')}
        </button>
        <button type="button" class="secondary" ref={cancel} onClick={onNo}>
          {t('optionsCancel')}
        </button>
      </div>
    </div>
  );
}
