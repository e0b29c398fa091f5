import type { Stored } from '../core/stored-schema';
import { t } from '../shared/i18n';
import { Actions } from './Actions';
import { SettingsForm } from './SettingsForm';
import { StatusCard } from './StatusCard';
import { Timeline } from './Timeline';
import { useNow, useStored } from './use-stored';

export function App() {
  const stored = useStored();
  useNow();
  if (!stored) return <main class="popup" aria-busy="true" />;
  // Read the clock on every render: a render caused by fresh data must not show it "in 3 seconds".
  return <Popup stored={stored} now={Date.now()} />;
}

function Popup({ stored, now }: { stored: Stored; now: number }) {
  return (
    <main class="popup">
      <StatusCard stored={stored} now={now} />
      <Actions stored={stored} />
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t('popupRecentChanges')}</h2>
        <Timeline history={stored.history} now={now} />
      </section>
      <SettingsForm settings={stored.settings} />
    </main>
  );
}
