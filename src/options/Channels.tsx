import { useEffect, useRef, useState } from 'preact/hooks';
import type { ChannelConfig } from '../core/channels/index';
import type { ChannelStatus } from '../core/channels/stored';
import { MAX_CHANNELS } from '../core/channels/stored';
import type { DeliveryOutcome } from '../core/channels/types';
import { formatRelative, t } from '../shared/i18n';
import { removeChannel, setChannelEnabled } from './channel-configs';
import { channelLabel } from './channel-words';
import { ChannelEditor } from './editors';
import { Switch } from './form-parts';
import { send } from './messaging';
import { type Notice, NoticeArea, refusal } from './notice';
import { useChannels } from './use-channels';

/** "Alerts on your phone or in chat": the user's channels, their health, Send test, add/edit/remove. */
export function Channels() {
  const stored = useChannels();
  const [editing, setEditing] = useState<null | 'add' | string>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  // Where focus goes once the list shows a change: the control the user came from, or "Add a channel".
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    const key = focusNext.current;
    if (!key) return;
    focusNext.current = null;
    (
      document.querySelector<HTMLElement>(`[data-focus="${key}"]`) ?? document.querySelector<HTMLElement>('[data-focus="add-channel"]')
    )?.focus();
  });
  if (!stored) return null;
  const { channels, status } = stored;
  const full = channels.length >= MAX_CHANNELS;
  const close = (message?: string) => {
    focusNext.current = typeof editing === 'string' && editing !== 'add' ? `edit-channel:${editing}` : 'add-channel';
    setEditing(null);
    setNotice(message ? { tone: 'ok', text: message } : null);
  };
  return (
    <section class="card channels" aria-labelledby="channels-heading">
      <div class="section-head">
        <h2 id="channels-heading">{t('optionsChannelsHeading')}</h2>
        <button
          type="button"
          class="primary"
          data-focus="add-channel"
          disabled={full}
          aria-expanded={editing === 'add'}
          onClick={() => {
            setNotice(null);
            setEditing('add');
          }}
        >
          {t('optionsAddChannel')}
        </button>
      </div>
      <p class="muted hint">{t('optionsChannelsIntro')}</p>
      {full && <p class="muted">{t('optionsChannelsMax', MAX_CHANNELS)}</p>}
      <NoticeArea notice={notice} />
      {editing === 'add' && <ChannelEditor stored={null} onClose={close} />}
      {channels.length === 0 && editing !== 'add' && <p class="muted">{t('optionsChannelsNone')}</p>}
      <ul class="channel-list">
        {channels.map((channel) => (
          <ChannelRow
            key={channel.id}
            channel={channel}
            status={status[channel.id] ?? {}}
            editing={editing === channel.id}
            onEdit={() => {
              setNotice(null);
              setEditing(editing === channel.id ? null : channel.id);
            }}
            onClose={close}
            onNotice={setNotice}
            onRemoved={() => {
              // The row goes: focus moves to "Add a channel".
              focusNext.current = 'add-channel';
              setNotice({ tone: 'ok', text: t('optionsChannelRemoved') });
            }}
          />
        ))}
      </ul>
    </section>
  );
}

type TestState = null | { sending: true } | { sending: false; outcome: DeliveryOutcome };

function ChannelRow({
  channel,
  status,
  editing,
  onEdit,
  onClose,
  onNotice,
  onRemoved,
}: {
  channel: ChannelConfig;
  status: ChannelStatus;
  editing: boolean;
  onEdit: () => void;
  onClose: (message?: string) => void;
  onNotice: (notice: Notice | null) => void;
  onRemoved: () => void;
}) {
  const [test, setTest] = useState<TestState>(null);
  const label = channelLabel(channel);
  const sendTest = async () => {
    onNotice(null); // the answer shows on the channel's own line
    setTest({ sending: true });
    const answer = await send({ type: 'test-channel', channelId: channel.id });
    if (answer.ok && 'outcome' in answer && answer.outcome) setTest({ sending: false, outcome: answer.outcome });
    else {
      setTest(null);
      onNotice(refusal(answer));
    }
  };
  const remove = async () => {
    await removeChannel(channel.id);
    onRemoved();
  };
  return (
    <li class={`channel${editing ? ' editing' : ''}`}>
      <div class="channel-row">
        <div class="channel-main">
          <span class="watch-name">{label}</span>
          <span class={`channel-state ${status.broken ? 'tone-attention' : 'muted'}`}>{stateText(channel, status, Date.now())}</span>
        </div>
        <div class="row-actions">
          <Switch
            label=""
            ariaLabel={t('optionsChannelOnLabel', label)}
            checked={channel.enabled}
            onChange={(on) => void setChannelEnabled(channel.id, on)}
          />
          <button
            type="button"
            class="secondary"
            aria-label={t('optionsSendTestLabel', label)}
            disabled={test?.sending === true || !channel.enabled}
            onClick={() => void sendTest()}
          >
            {t('optionsSendTest')}
          </button>
          <button
            type="button"
            class="secondary"
            data-focus={`edit-channel:${channel.id}`}
            aria-label={t('optionsEditChannelLabel', label)}
            aria-expanded={editing}
            onClick={onEdit}
          >
            {t('optionsEdit')}
          </button>
          <button type="button" class="secondary danger" aria-label={t('optionsRemoveChannelLabel', label)} onClick={() => void remove()}>
            {t('optionsRemove')}
          </button>
        </div>
      </div>
      <TestLine test={test} />
      {editing && <ChannelEditor stored={channel} onClose={onClose} />}
    </li>
  );
}

function TestLine({ test }: { test: TestState }) {
  const text = !test
    ? ''
    : test.sending
      ? t('optionsTestSending')
      : test.outcome.type === 'delivered'
        ? t('optionsTestDelivered')
        : test.outcome.type === 'retry'
          ? t('optionsTestRetry', test.outcome.why)
          : t('optionsTestBroken', test.outcome.why);
  const failed = test && !test.sending && test.outcome.type !== 'delivered';
  return (
    <p class={`test-line${failed ? ' tone-attention' : ''}`} role="status">
      {text}
    </p>
  );
}

/** One line on the channel's health: stopped (and why) first, then the last message given up on, then the last delivery. */
function stateText(channel: ChannelConfig, status: ChannelStatus, now: number): string {
  if (status.broken) return t('channelStateBroken', status.broken.why);
  if (!channel.enabled) return t('channelStateOff');
  if (status.lastLost && status.lastLost.at > (status.lastDelivered ?? 0))
    return t('channelStateLost', formatRelative(status.lastLost.at, now), status.lastLost.why);
  if (status.lastDelivered) return t('channelStateDelivered', formatRelative(status.lastDelivered, now));
  return t('channelStateUnused');
}
