import { describe, expect, it, vi } from 'vitest';
import type { WatchDef } from '../../watch-def';
import type { RenderRequest } from '../probe';
import { pageProbe } from './probe';

const watch: WatchDef = {
  id: 'w',
  name: 'Drop',
  kind: 'page',
  url: 'https://spa.example/drop',
  rule: { type: 'auto' },
  intervalMinutes: 2,
  notify: true,
  enabled: true,
  render: true,
};
const shell = '<!doctype html><div id="root"></div><script src="/app.js"></script>';

function deps(etag = '"v1"') {
  const fetch = vi.fn(async () => new Response(shell, { status: 200, headers: { 'content-type': 'text/html', etag } }));
  const renderPage = vi.fn(async (_input: RenderRequest) => ({
    kind: 'paused' as const,
    reason: 'structured-data',
    evidence: 'JSON-LD availability OutOfStock',
    requests: 6,
    bytes: 40_000,
  }));
  const readPage = vi.fn(async () => ({ kind: 'error' as const, reason: 'needs-rendering', evidence: 'shell' }));
  return { fetch, renderPage, readPage, now: () => 1000, latest: null };
}

describe('a rendered page watch', () => {
  it('reads the plain answer first, then the rendered page, and counts what both cost', async () => {
    const d = deps();
    const verdict = await pageProbe(watch, d).check();
    expect(d.readPage).not.toHaveBeenCalled();
    const input = d.renderPage.mock.calls[0]?.[0];
    expect(input).toMatchObject({ url: watch.url, rule: { type: 'auto' }, response: { status: 200, bodyText: shell } });
    expect(verdict).toMatchObject({ kind: 'paused', reason: 'structured-data', status: 200, requests: 7 });
    expect(verdict.bytes).toBeGreaterThan(40_000);
  });

  it('renders again when the shell is unchanged (the stock lives in what its scripts load)', async () => {
    const d = deps();
    const latest = { kind: 'paused', reason: 'structured-data', evidence: 'x', at: 1, status: 200, validator: 'etag "v1"' } as const;
    const verdict = await pageProbe(watch, { ...d, latest: latest as never }).check();
    expect(d.renderPage).toHaveBeenCalledTimes(1);
    // Unchanged: the plain answer said nothing new, so the host reads no shell.
    expect(d.renderPage.mock.calls[0]?.[0].response).toBeNull();
    expect(verdict.kind).toBe('paused');
  });

  it('is an ordinary plain read without render', async () => {
    const d = deps();
    await pageProbe({ ...watch, render: undefined }, d).check();
    expect(d.renderPage).not.toHaveBeenCalled();
    expect(d.readPage).toHaveBeenCalledTimes(1);
  });
});
