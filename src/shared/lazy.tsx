// Pages paint first and load a part's code the first time it shows (the options page's editors, the
// popup's details), so what loads before the first paint stays small (the bench's *-js-*-gzip).
import { type ComponentType, h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from './i18n';
import { log } from './log';

/** "Loading…" shows only past this: the extension's own files usually load well within it. */
export const SLOW_LOAD_MS = 300;

type LoadState = 'waiting' | 'slow' | 'failed' | 'ready';

/**
 * A component whose code is fetched on first use and kept: later uses render at once, as if it
 * were imported statically. A failed load says so and is tried again the next time it opens.
 */
export function lazyComponent<P extends object>(name: string, load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const start = () => {
    loading ??= load().then(
      (component) => {
        loaded = component;
        return component;
      },
      (error: unknown) => {
        loading = null;
        throw error;
      },
    );
    return loading;
  };

  function Lazy(props: P) {
    const [state, setState] = useState<LoadState>(loaded ? 'ready' : 'waiting');
    useEffect(() => {
      if (loaded) return;
      let live = true;
      const timer = setTimeout(() => live && setState((s) => (s === 'waiting' ? 'slow' : s)), SLOW_LOAD_MS);
      start().then(
        () => live && setState('ready'),
        (error: unknown) => {
          log.warn('could not load part of the page', { part: name, error: String(error) });
          if (live) setState('failed');
        },
      );
      return () => {
        live = false;
        clearTimeout(timer);
      };
    }, []);
    if (state === 'ready' && loaded) return h(loaded, props);
    if (state === 'failed')
      return (
        <div role="alert" class="notice error">
          {t('optionsLoadFailed')}
        </div>
      );
    return state === 'slow' ? (
      <p class="muted loading" role="status">
        {t('optionsLoading')}
      </p>
    ) : null;
  }
  Lazy.displayName = `Lazy(${name})`;
  return Lazy;
}
