import { t } from '../../shared/i18n';
import { channelLabel } from '../channel-words';
import { useChannels } from '../use-channels';

/**
 * Which phone and chat channels a watch alerts: every channel (null, the default, which includes
 * channels added later) or only the ones ticked. Shown only once a channel exists.
 */
export function ChannelChoice({
  id,
  chosen,
  onChange,
}: {
  id: string;
  chosen: string[] | null;
  onChange: (chosen: string[] | null) => void;
}) {
  const stored = useChannels();
  if (!stored || stored.channels.length === 0) return null;
  const { channels } = stored;
  const list = chosen ?? [];
  return (
    <fieldset class="choices">
      <legend>{t('optionsWatchChannels')}</legend>
      <label class="choice">
        <input type="radio" name={`${id}-channels`} checked={chosen === null} onChange={() => onChange(null)} />
        <span>{t('optionsWatchChannelsAll')}</span>
      </label>
      <label class="choice">
        <input type="radio" name={`${id}-channels`} checked={chosen !== null} onChange={() => onChange(channels.map((c) => c.id))} />
        <span>{t('optionsWatchChannelsChosen')}</span>
      </label>
      {chosen !== null && (
        <div class="sub-fields">
          {channels.map((channel) => (
            <label key={channel.id} class="choice">
              <input
                type="checkbox"
                checked={list.includes(channel.id)}
                onChange={(e) => onChange(e.currentTarget.checked ? [...list, channel.id] : list.filter((c) => c !== channel.id))}
              />
              <span>{channelLabel(channel)}</span>
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}
