// Pick on the page (src/popup/WatchThisPage.tsx injects this file into the user's tab, with
// activeTab + scripting). Everything it shows lives in one shadow root on one element of ours,
// removed when it closes, so the page is left as it was found.
import { render } from 'preact';
import { PICKER_CSS } from './overlay';
import { Picker } from './Picker';

const HOST_TAG = 'reopen-watch-picker';

function open(): void {
  // A second Pick on the same page keeps the one already open.
  if (document.querySelector(HOST_TAG)) return;
  const host = document.createElement(HOST_TAG);
  // Open, so the tests' locators can reach it; the page can read it but not act: actions need trusted events.
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = PICKER_CSS;
  root.appendChild(style);
  const mount = document.createElement('div');
  root.appendChild(mount);
  document.documentElement.appendChild(host);

  const close = () => {
    render(null, mount);
    host.remove();
  };
  const page = { name: (document.title.trim() || location.host).slice(0, 80), url: location.href.split('#')[0] ?? location.href };
  render(<Picker root={root} host={host} page={page} onClose={close} />, mount);
  // Keyboard users start here: arrow keys pick, Tab reaches the buttons.
  (root.querySelector('.panel') as HTMLElement | null)?.focus();
}

open();
