// Which chunks the one-file worker step may delete after bundling the worker: only those no page
// reaches. A wrong answer deletes a page's code (a blank popup) or ships dead worker chunks.
import { describe, expect, it } from 'vitest';
import { chunksOfPages } from '../../scripts/one-file-worker';

const chunk = (
  fileName: string,
  imports: string[] = [],
  more: { entry?: boolean; dynamicEntry?: boolean; dynamicImports?: string[] } = {},
) => ({
  type: 'chunk' as const,
  fileName,
  isEntry: more.entry ?? false,
  isDynamicEntry: more.dynamicEntry ?? false,
  imports,
  dynamicImports: more.dynamicImports ?? [],
});

describe('chunksOfPages', () => {
  const bundle = Object.fromEntries(
    [
      chunk('worker.js', ['shared.js', 'senders.js', 'sign-in.js'], { entry: true }),
      chunk('popup.js', ['shared.js', 'sign-in.js'], { entry: true }),
      chunk('options.js', ['shared.js'], { entry: true, dynamicImports: ['later.js'] }),
      chunk('later.js', ['checks.js'], { dynamicEntry: true }),
      chunk('checks.js'),
      chunk('shared.js'),
      chunk('senders.js'),
      { type: 'asset' as const, fileName: 'manifest.json' },
    ].map((o) => [o.fileName, o]),
  );

  it('keeps what any page loads, at once or later, and nothing only the worker loads', () => {
    const kept = chunksOfPages(bundle, 'worker.js');
    expect([...kept].sort()).toEqual(['checks.js', 'later.js', 'options.js', 'popup.js', 'shared.js', 'sign-in.js']);
    expect(kept.has('senders.js')).toBe(false);
    expect(kept.has('worker.js')).toBe(false);
  });

  it('keeps a chunk the worker shares with one page only', () => {
    const withoutPopup = Object.fromEntries(Object.entries(bundle).filter(([name]) => name !== 'popup.js'));
    expect(chunksOfPages(withoutPopup, 'worker.js').has('sign-in.js')).toBe(false);
    expect(chunksOfPages(bundle, 'worker.js').has('sign-in.js')).toBe(true);
  });
});
