import { JSDOM } from 'jsdom';

// Tests run in vitest's node environment: documents come from jsdom's DOMParser, as the extension's
// come from the platform's (no scripts run, no layout).
const { window } = new JSDOM('');

export function parseHtml(html: string): Document {
  return new window.DOMParser().parseFromString(html, 'text/html');
}
