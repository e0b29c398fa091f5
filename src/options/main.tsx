import { render } from 'preact';
import { t, uiLanguage } from '../shared/i18n';
import { App } from './App';
import { repairStoredChannels } from './channel-configs';
import { rememberSitesAskedBefore } from './release-origins';

document.documentElement.lang = uiLanguage();
document.title = t('optionsTitle');
render(<App />, document.getElementById('app') as HTMLElement);
void rememberSitesAskedBefore();
void repairStoredChannels();
