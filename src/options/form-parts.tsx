// Small form pieces every options section uses. Kept apart from the editors so the page can load
// the editors lazily without pulling them in for a label or a switch.
import type { ComponentChildren } from 'preact';
import type { WatchDef } from '../core/watch-def';
import { t } from '../shared/i18n';
import { wordsOf } from '../shared/kind-words';

export function kindWord(kind: WatchDef['kind']): string {
  return t(wordsOf(kind).kindName);
}

export function Field({ id, label, hint, children }: { id: string; label: string; hint?: string; children: ComponentChildren }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children}
      {hint && (
        <p class="muted hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}

export function Switch({
  label,
  checked,
  onChange,
  ariaLabel,
}: {
  label: string;
  checked: boolean;
  onChange: (value: boolean) => void;
  ariaLabel?: string;
}) {
  return (
    <label class="switch">
      <input
        type="checkbox"
        role="switch"
        checked={checked}
        aria-checked={checked}
        aria-label={ariaLabel}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
      <span>{label}</span>
    </label>
  );
}
