import { useState } from 'preact/hooks';
import { DEFAULT_NTFY_SERVER } from '../core/channels/ntfy';
import { CHANNEL_TYPES, type ChannelConfig, type ChannelType } from '../core/channels/types';
import { joinSentences, type MessageKey, t } from '../shared/i18n';
import { accessNotice, askChannelAccess } from './access';
import { mergeWithStored, originOf, SECRET_FIELDS, saveChannel } from './channel-configs';
import { TYPE_WORDS } from './channel-words';
import { Field } from './form-parts';
import { type Notice, NoticeArea } from './notice';

interface FieldSpec {
  key: string;
  label: MessageKey;
  hint?: MessageKey;
  required?: boolean;
  input: 'text' | 'url' | 'password';
  /** An optional secret: once saved, a box to remove it (and these fields with it). */
  removable?: readonly string[];
}

/** What the user fills in for each service; secrets are password fields and never shown back. */
const FIELDS: { readonly [K in ChannelType]: readonly FieldSpec[] } = {
  ntfy: [
    { key: 'topic', label: 'optionsNtfyTopic', hint: 'optionsNtfyTopicHint', required: true, input: 'text' },
    { key: 'server', label: 'optionsNtfyServer', hint: 'optionsNtfyServerHint', input: 'url' },
    { key: 'token', label: 'optionsNtfyToken', input: 'password', removable: [] },
  ],
  telegram: [
    { key: 'botToken', label: 'optionsTelegramToken', hint: 'optionsTelegramTokenHint', required: true, input: 'password' },
    { key: 'chatId', label: 'optionsTelegramChat', hint: 'optionsTelegramChatHint', required: true, input: 'text' },
  ],
  discord: [{ key: 'webhookUrl', label: 'optionsDiscordUrl', hint: 'optionsDiscordUrlHint', required: true, input: 'password' }],
  slack: [{ key: 'webhookUrl', label: 'optionsSlackUrl', hint: 'optionsSlackUrlHint', required: true, input: 'password' }],
  webhook: [
    { key: 'url', label: 'optionsWebhookUrl', hint: 'optionsWebhookUrlHint', required: true, input: 'password' },
    { key: 'headerName', label: 'optionsWebhookHeaderName', input: 'text' },
    { key: 'headerValue', label: 'optionsWebhookHeaderValue', input: 'password', removable: ['headerName'] },
  ],
};

/** A topic nobody can guess: on a public ntfy server the topic is the only lock. */
function randomTopic(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  return `reopen-watch-${Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('')}`;
}

type Form = Record<string, string>;

function initialForm(stored: ChannelConfig | null): Form {
  if (!stored) return { type: 'ntfy', name: '', topic: randomTopic() };
  const form: Form = { type: stored.type, name: stored.name ?? '' };
  const secrets = SECRET_FIELDS[stored.type];
  for (const { key } of FIELDS[stored.type]) {
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
    stored?.type === type && SECRET_FIELDS[type].includes(key) && Boolean((stored as unknown as Record<string, unknown>)[key]);

  const save = () => {
    const given: Record<string, unknown> = { type, enabled: stored?.enabled ?? true };
    if (stored) given.id = stored.id;
    if (form.name?.trim()) given.name = form.name.trim();
    for (const { key } of FIELDS[type]) if (form[key]?.trim()) given[key] = form[key].trim();
    const config = mergeWithStored(given, stored, removed);
    const missing = FIELDS[type].filter((f) => f.required && !config[f.key]).map((f) => t('optionsChannelFieldMissing', t(f.label)));
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
                {t(TYPE_WORDS[option])}
              </option>
            ))}
          </select>
        </Field>
      )}
      {FIELDS[type].map((spec) => (
        <Field key={spec.key} id={`${prefix}-${spec.key}`} label={t(spec.label)} hint={hintOf(spec, keptSecret(spec.key))}>
          <input
            id={`${prefix}-${spec.key}`}
            type={spec.input as 'text'}
            value={form[spec.key] ?? ''}
            autoComplete="off"
            spellcheck={false}
            aria-required={spec.required === true}
            placeholder={spec.key === 'server' ? DEFAULT_NTFY_SERVER : undefined}
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
function hintOf(spec: FieldSpec, kept: boolean): string | undefined {
  if (kept) return joinSentences([...(spec.hint ? [t(spec.hint)] : []), t('optionsSecretKept')]);
  return spec.hint ? t(spec.hint) : undefined;
}
