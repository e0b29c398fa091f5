import { useState } from 'preact/hooks';
import { channelTypeKey } from '../../core/channel-names';
import type { ChannelConfig, ChannelType } from '../../core/channels/index';
import { CHANNEL_TYPES, fieldsOf, secretKeys } from '../../core/channels/index';
import type { ChannelField } from '../../core/channels/types';
import { joinSentences, type MessageKey, t } from '../../shared/i18n';
import { accessNotice, askChannelAccess } from '../access';
import { mergeWithStored, originOf, saveChannel } from '../channel-configs';
import { Field } from '../form-parts';
import { type Notice, NoticeArea } from '../notice';

/** A field's words: its spec holds message keys (core has no i18n; src/core/channels/specs.test.ts checks them). */
const words = (key: string) => t(key as MessageKey);

/** A topic nobody can guess: on a public ntfy server the topic is the only lock. */
function randomTopic(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  return `reopen-watch-${Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('')}`;
}

type Form = Record<string, string>;

function initialForm(stored: ChannelConfig | null): Form {
  if (!stored) return { type: 'ntfy', name: '', topic: randomTopic() };
  const form: Form = { type: stored.type, name: stored.name ?? '' };
  const secrets = secretKeys(stored.type);
  for (const { key } of fieldsOf(stored.type)) {
    const value = (stored as unknown as Record<string, unknown>)[key];
    form[key] = secrets.includes(key) || typeof value !== 'string' ? '' : value;
  }
  return form;
}

/** Adds a channel (`stored` null) or edits one; the host is asked for on Save (a user gesture). */
export function ChannelEditor({ stored, onClose }: { stored: ChannelConfig | null; onClose: (message?: string) => void }) {
  const [form, setForm] = useState<Form>(() => initialForm(stored));
  const [notice, setNotice] = useState<Notice | null>(null);
  const [saving, setSaving] = useState(false);
  const type = form.type as ChannelType;
  const prefix = `channel-${stored?.id ?? 'new'}`;
  const set = (key: string, value: string) => setForm((f) => ({ ...f, [key]: value }));
  const [removed, setRemoved] = useState<string[]>([]);
  /** A secret already saved for this field: left empty, it is kept. */
  const keptSecret = (key: string) =>
    stored?.type === type && secretKeys(type).includes(key) && Boolean((stored as unknown as Record<string, unknown>)[key]);

  const save = () => {
    const given: Record<string, unknown> = { type, enabled: stored?.enabled ?? true };
    if (stored) given.id = stored.id;
    if (form.name?.trim()) given.name = form.name.trim();
    for (const { key } of fieldsOf(type)) if (form[key]?.trim()) given[key] = form[key].trim();
    const config = mergeWithStored(given, stored, removed);
    const missing = fieldsOf(type)
      .filter((f) => f.required && !config[f.key])
      .map((f) => t('optionsChannelFieldMissing', words(f.label)));
    const checked = missing.length === 0 ? originOf(config) : { ok: false as const, problems: missing };
    if (!checked.ok) return setNotice({ tone: 'error', text: t('optionsChannelProblems'), details: checked.problems });
    const { origin } = checked;
    // First thing after the click's own checks: browsers ask only during the gesture.
    const asked = askChannelAccess(origin);
    setSaving(true);
    void asked
      .then(async (answer) => {
        if (answer !== 'granted') return setNotice(accessNotice(answer, [origin]));
        const saved = await saveChannel(config);
        if (!saved.ok) return setNotice({ tone: 'error', text: t('optionsChannelProblems'), details: saved.problems });
        onClose(t('optionsChannelSaved'));
      })
      .catch((error: unknown) => setNotice({ tone: 'error', text: t('optionsChannelProblems'), details: [String(error)] }))
      .finally(() => setSaving(false));
  };

  return (
    <form
      class="editor channel-editor"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      {!stored && (
        <Field id={`${prefix}-type`} label={t('optionsChannelType')}>
          <select
            id={`${prefix}-type`}
            value={type}
            onChange={(e) => {
              const next = e.currentTarget.value as ChannelType;
              setForm((f) => ({ type: next, name: f.name ?? '', ...(next === 'ntfy' && { topic: randomTopic() }) }));
            }}
          >
            {CHANNEL_TYPES.map((option) => (
              <option key={option} value={option}>
                {t(channelTypeKey(option))}
              </option>
            ))}
          </select>
        </Field>
      )}
      {fieldsOf(type).map((spec) => (
        <Field key={spec.key} id={`${prefix}-${spec.key}`} label={words(spec.label)} hint={hintOf(spec, keptSecret(spec.key))}>
          <input
            id={`${prefix}-${spec.key}`}
            type={spec.input as 'text'}
            value={form[spec.key] ?? ''}
            autoComplete="off"
            spellcheck={false}
            aria-required={spec.required}
            placeholder={spec.placeholder}
            aria-describedby={hintOf(spec, keptSecret(spec.key)) ? `${prefix}-${spec.key}-hint` : undefined}
            onInput={(e) => set(spec.key, e.currentTarget.value)}
          />
          {spec.removable && keptSecret(spec.key) && (
            <label class="choice">
              <input
                type="checkbox"
                checked={removed.includes(spec.key)}
                onChange={(e) =>
                  setRemoved(
                    e.currentTarget.checked
                      ? [...removed, spec.key, ...(spec.removable ?? [])]
                      : removed.filter((k) => k !== spec.key && !spec.removable?.includes(k)),
                  )
                }
              />
              <span>{t('optionsRemoveSecret')}</span>
            </label>
          )}
        </Field>
      ))}
      <Field id={`${prefix}-name`} label={t('optionsChannelName')}>
        <input
          id={`${prefix}-name`}
          type="text"
          value={form.name ?? ''}
          maxLength={80}
          onInput={(e) => set('name', e.currentTarget.value)}
        />
      </Field>
      <NoticeArea notice={notice} />
      <div class="button-row">
        <button type="submit" class="primary" disabled={saving}>
          {t('optionsSaveChannel')}
        </button>
        <button type="button" class="secondary" onClick={() => onClose()}>
          {t('optionsCancel')}
        </button>
      </div>
    </form>
  );
}

/** A kept secret's field says so, in place of (or after) its usual hint. */
function hintOf(spec: ChannelField, kept: boolean): string | undefined {
  if (kept) return joinSentences([...(spec.hint ? [words(spec.hint)] : []), t('optionsSecretKept')]);
  return spec.hint ? words(spec.hint) : undefined;
}
