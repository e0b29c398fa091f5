// The outlines drawn over the page: one for what the pointer is over, one for what is picked.
// They live in the picker's shadow root, fixed to the viewport, and never take a click.

export interface Outline {
  show(el: Element | null): void;
  /** Follows the element after a scroll, resize or layout change. */
  refresh(): void;
}

export function outline(root: ShadowRoot, className: string): Outline {
  const box = document.createElement('div');
  box.className = `outline ${className}`;
  box.hidden = true;
  root.appendChild(box);
  let target: Element | null = null;
  const refresh = () => {
    if (!target?.isConnected) {
      box.hidden = true;
      return;
    }
    const r = target.getBoundingClientRect();
    box.hidden = false;
    Object.assign(box.style, { top: `${r.top}px`, left: `${r.left}px`, width: `${r.width}px`, height: `${r.height}px` });
  };
  return {
    show(el) {
      target = el;
      refresh();
    },
    refresh,
  };
}

/** The picker's own look, inside its shadow root: the page's styles cannot reach it, nor it the page. */
export const PICKER_CSS = `
:host { all: initial; }
.outline { position: fixed; pointer-events: none; z-index: 2147483646; box-sizing: border-box; border-radius: 2px; }
.outline.hover { outline: 2px dashed #2563eb; background: rgba(37, 99, 235, 0.08); }
.outline.picked { outline: 3px solid #c2410c; background: rgba(234, 88, 12, 0.12); }
.panel {
  position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; width: 360px; max-width: calc(100vw - 32px);
  box-sizing: border-box; padding: 14px 16px; border-radius: 10px; border: 1px solid #d1d5db;
  background: #ffffff; color: #111827; box-shadow: 0 8px 30px rgba(0, 0, 0, 0.25);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "PingFang SC", sans-serif;
}
.panel.left { right: auto; left: 16px; }
h2 { margin: 0 0 6px; font-size: 15px; }
p { margin: 6px 0; }
.muted { color: #4b5563; font-size: 13px; }
.text { margin: 6px 0; padding: 6px 8px; border-radius: 6px; background: #f3f4f6; max-height: 6em; overflow: auto; overflow-wrap: anywhere; }
code { font: 12px/1.4 ui-monospace, monospace; overflow-wrap: anywhere; }
.reads { font-weight: 600; }
.row { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 10px; }
button {
  font: inherit; font-size: 13px; padding: 5px 10px; border-radius: 6px; cursor: pointer;
  border: 1px solid #9ca3af; background: #ffffff; color: #111827;
}
button.primary { background: #1d4ed8; border-color: #1d4ed8; color: #ffffff; }
button:disabled { opacity: 0.55; cursor: default; }
button:focus-visible { outline: 2px solid #2563eb; outline-offset: 2px; }
[role="alert"] { color: #b91c1c; }
@media (prefers-color-scheme: dark) {
  .panel { background: #1f2937; color: #f9fafb; border-color: #4b5563; }
  .muted { color: #d1d5db; }
  .text { background: #111827; }
  button { background: #374151; color: #f9fafb; border-color: #6b7280; }
  button.primary { background: #3b82f6; border-color: #3b82f6; color: #0b1220; }
  [role="alert"] { color: #fca5a5; }
}
`;
