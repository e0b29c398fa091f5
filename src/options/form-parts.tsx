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

/**
 * A labelled one-line text input, as the editors' fields are: no autocomplete, and described by
 * what `describedBy` names (its own hint is `${id}-hint`).
 */
export function TextField(props: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onValue: (value: string) => void;
  type?: 'text' | 'password';
  spellcheck?: boolean;
  describedBy?: string;
}) {
  const { id, label, hint, value, onValue, type = 'text', spellcheck, describedBy } = props;
  return (
    <Field id={id} label={label} hint={hint}>
      <input
        id={id}
        // preact's types split inputs by type; both kinds here take the same attributes.
        type={type as 'text'}
        value={value}
        spellcheck={spellcheck}
        autoComplete="off"
        aria-describedby={describedBy}
        onInput={(e) => onValue(e.currentTarget.value)}
      />
    </Field>
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
