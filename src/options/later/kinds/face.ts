// What the options page knows about one kind: its part of the watch form. The editor
// (../WatchEditor.tsx) is the shell every kind shares — name, kind, address, interval, switches,
// channels, Test and Save — and shows the kind's own section in it; ../watch-form.ts reads the
// kind's fields into a rule with the kind's face. The registry is ./index.ts.
import type { FunctionComponent } from 'preact';
import type { WatchRule } from '../../../core/watch-def';
import type { Problem } from '../../problem';

/** The kind's fields as the form holds them (text as typed), and how the section changes one. */
export interface SectionProps<F> {
  form: F;
  set: (patch: Partial<F>) => void;
  /** The element id for a field of this editor (ids are unique per editor, labels point at them). */
  field: (suffix: string) => string;
  /** The variants the last Test read on the page, for a list to choose from. */
  variants?: readonly string[];
}

export interface EditorFace<F> {
  /** Every field of the kind's, as a new watch starts them. */
  fields: Partial<F>;
  /** The fields a saved rule shows (the rule is the kind's, or null). */
  fromRule(rule: WatchRule | null): Partial<F>;
  /**
   * The rule the fields make, in the import/export field names the worker validates; what a person
   * is likely to get wrong goes to `problems`, in message keys. Absent for a built-in kind: its
   * watch has no rule of the user's.
   */
  toRule?(fields: F, problems: Problem[], isValidSelector?: (selector: string) => boolean): Record<string, unknown>;
  /** The kind's rule fields, shown under the address (a built-in kind shows none). */
  Section: FunctionComponent<SectionProps<F>>;
}
