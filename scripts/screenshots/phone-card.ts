// A phone's lock screen showing the ntfy message the extension sent, the way the ntfy app shows
// one: tags that name an emoji go before the title, other tags are listed, the link's button below.
// Every word on the card is the captured message's, but the clock and date (the moment it arrived,
// in the shot's locale and time zone) and the app's name.
import { execFileSync } from 'node:child_process';
import { esc } from './canvas';
import type { NtfyMessage } from './phone-message';

/** ntfy's emoji short codes for the tags the extension sends (src/core/channels/send/ntfy.ts). */
const EMOJI: Record<string, string> = { tada: '🎉', hourglass: '⏳', warning: '⚠️', test_tube: '🧪' };

/** ntfy shows the tags' emoji; without a colour emoji font Chromium draws a box instead: say so. */
export function warnWithoutEmojiFont(): void {
  let found = '';
  try {
    found = execFileSync('fc-list', [':family=Noto Color Emoji'], { encoding: 'utf8' });
  } catch {
    // No fontconfig: nothing to ask.
  }
  if (!found.trim()) console.warn('note: no colour emoji font (apt-get install fonts-noto-color-emoji): the phone card’s 🎉 may be a box');
}

export function phoneCardHtml(message: NtfyMessage, options: { lang: string; timeZone: string }): string {
  const at = new Date(message.receivedAt);
  const time = new Intl.DateTimeFormat(options.lang, { hour: 'numeric', minute: '2-digit', timeZone: options.timeZone }).format(at);
  // A lock screen's clock has no AM/PM.
  const clock = new Intl.DateTimeFormat(options.lang, { hour: 'numeric', minute: '2-digit', timeZone: options.timeZone })
    .formatToParts(at)
    .filter((part) => part.type !== 'dayPeriod')
    .map((part) => part.value)
    .join('')
    .trim();
  const date = new Intl.DateTimeFormat(options.lang, { weekday: 'long', month: 'long', day: 'numeric', timeZone: options.timeZone }).format(
    at,
  );
  const emoji = message.tags.flatMap((tag) => (EMOJI[tag] ? [EMOJI[tag]] : []));
  const otherTags = message.tags.filter((tag) => !EMOJI[tag]);
  const actions = (message.actions ?? []).map((a) => `<span class="action">${esc(a.label)}</span>`).join('');
  return `<!doctype html>
<html lang="${esc(options.lang)}"><head><meta charset="utf-8"><style>
  html, body { margin: 0; background: #0b1220; }
  body { font-family: "Noto Sans", "DejaVu Sans", "Noto Sans CJK SC", sans-serif, "Noto Color Emoji"; }
  .frame { width: 380px; padding: 28px 14px 30px; box-sizing: border-box; color: #fff;
    background: linear-gradient(180deg, #34497f 0%, #1d2748 45%, #0d1424 100%); }
  .clock { text-align: center; font-size: 64px; font-weight: 300; letter-spacing: 1px; line-height: 1; }
  .date { text-align: center; font-size: 15px; margin: 8px 0 26px; opacity: .85; }
  .card { background: rgba(246, 247, 251, .96); color: #1b1f2a; border-radius: 22px; padding: 14px 16px 12px; }
  .app { display: flex; align-items: center; gap: 8px; font-size: 12px; color: #4a5263; }
  .icon { width: 20px; height: 20px; border-radius: 50%; background: #338574; display: grid; place-items: center; }
  .icon svg { width: 12px; height: 12px; fill: #fff; }
  .title { font-size: 15px; font-weight: 700; margin: 8px 0 3px; line-height: 1.35; }
  .message { font-size: 14px; line-height: 1.4; color: #2b3140; }
  .tags { font-size: 12px; color: #5b6375; margin-top: 4px; }
  .actions { display: flex; gap: 18px; margin-top: 10px; }
  .action { font-size: 13px; font-weight: 700; color: #2a7a68; }
</style></head><body>
<div class="frame">
  <div class="clock">${esc(clock)}</div>
  <div class="date">${esc(date)}</div>
  <div class="card">
    <div class="app"><span class="icon"><svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1z"/></svg></span>ntfy · ${esc(time)}</div>
    <div class="title">${emoji.length ? `${emoji.join('')} ` : ''}${esc(message.title)}</div>
    <div class="message">${esc(message.message)}</div>
    ${otherTags.length ? `<div class="tags">${esc(otherTags.join(', '))}</div>` : ''}
    ${actions ? `<div class="actions">${actions}</div>` : ''}
  </div>
</div>
</body></html>`;
}
