// Issue 18: grey states ("can't tell", "not checked yet") were 2.3:1 on the card, so a fresh list
// looked disabled. Every colour the pages write text in keeps WCAG AA (4.5:1) on the page and on
// the card, in light and dark.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('../../src/shared/tokens.css', import.meta.url), 'utf8');
const dark = css.slice(css.indexOf('@media (prefers-color-scheme: dark)'));
const light = css.slice(0, css.indexOf('@media (prefers-color-scheme: dark)'));

const palette = (block: string): Record<string, string> =>
  Object.fromEntries([...block.matchAll(/--([a-z-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map((m) => [m[1] as string, m[2] as string]));

/** WCAG 2 relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const TEXT_COLOURS = ['fg', 'muted', 'open', 'queued', 'paused', 'subscribed', 'attention', 'unknown', 'accent', 'danger'];

it('measures contrast as WCAG does', () => {
  expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
  expect(contrast('#9ca3af', '#f3f4f6')).toBeCloseTo(2.31, 2);
});

describe.each([
  ['light', palette(light)],
  ['dark', { ...palette(light), ...palette(dark) }],
])('%s', (_scheme, colours) => {
  it.each(TEXT_COLOURS)('--%s reads at 4.5:1 on the page and on the card', (name) => {
    const fg = colours[name] as string;
    expect(fg, name).toMatch(/^#/);
    for (const bg of ['bg', 'card']) expect(contrast(fg, colours[bg] as string), `${name} on ${bg}`).toBeGreaterThanOrEqual(4.5);
  });
});
