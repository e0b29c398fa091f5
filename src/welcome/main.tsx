import { render } from 'preact';
import { t, uiLanguage } from '../shared/i18n';
import { Welcome } from './Welcome';

document.documentElement.lang = uiLanguage();
document.title = t('welcomeTitle');
render(<Welcome />, document.getElementById('app') as HTMLElement);
