import { JSDOM } from 'jsdom';
import { h, render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lazyComponent, SLOW_LOAD_MS } from './lazy';

let root: HTMLElement;
beforeEach(() => {
  const dom = new JSDOM('<!doctype html><div id="root"></div>');
  vi.stubGlobal('document', dom.window.document);
  vi.stubGlobal('window', dom.window);
  root = dom.window.document.getElementById('root') as HTMLElement;
});
afterEach(() => render(null, root));

const Editor = ({ name }: { name: string }) => h('form', { id: 'editor' }, name);
/** A load the test finishes by hand. */
function controlled() {
  let finish!: (ok: boolean) => void;
  const load = vi.fn(
    () =>
      new Promise<typeof Editor>((resolve, reject) => {
        finish = (ok) => (ok ? resolve(Editor) : reject(new Error('chunk gone')));
      }),
  );
  return { load, finish: (ok: boolean) => finish(ok) };
}
// Preact runs effects after the next frame (a 35 ms timer without requestAnimationFrame).
const settle = () => new Promise((resolve) => setTimeout(resolve, 60));

describe('a component loaded on first use', () => {
  it('shows nothing while a quick load runs, then the component with its props', async () => {
    const { load, finish } = controlled();
    const Lazy = lazyComponent('Editor', load);
    render(h(Lazy, { name: 'RTX 5090' }), root);
    await settle();
    expect(root.textContent).toBe('');
    finish(true);
    await settle();
    await settle();
    expect(root.querySelector('#editor')?.textContent).toBe('RTX 5090');
  });

  it('says "Loading…" only once the load takes noticeably long', async () => {
    vi.useFakeTimers();
    const { load, finish } = controlled();
    const Lazy = lazyComponent('Editor', load);
    render(h(Lazy, { name: 'x' }), root);
    await vi.advanceTimersByTimeAsync(SLOW_LOAD_MS - 50);
    expect(root.textContent).toBe('');
    await vi.advanceTimersByTimeAsync(100);
    expect(root.querySelector('[role="status"]')?.textContent).toBe('Loading…');
    finish(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(root.querySelector('#editor')).not.toBeNull();
    expect(root.textContent).not.toContain('Loading…');
  });

  it('loads once: a later use renders at once, without waiting', async () => {
    const { load, finish } = controlled();
    const Lazy = lazyComponent('Editor', load);
    render(h(Lazy, { name: 'first' }), root);
    await settle();
    finish(true);
    await settle();
    await settle();
    render(null, root);
    render(h(Lazy, { name: 'second' }), root);
    expect(root.querySelector('#editor')?.textContent).toBe('second');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('says so when the load fails, and tries again the next time it opens', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { load, finish } = controlled();
    const Lazy = lazyComponent('Editor', load);
    render(h(Lazy, { name: 'x' }), root);
    await settle();
    finish(false);
    await settle();
    await settle();
    expect(root.querySelector('[role="alert"]')?.textContent).toMatch(/could not be loaded/);
    render(null, root);
    render(h(Lazy, { name: 'again' }), root);
    await settle();
    expect(load).toHaveBeenCalledTimes(2);
    finish(true);
    await settle();
    await settle();
    expect(root.querySelector('#editor')?.textContent).toBe('again');
  });
});
