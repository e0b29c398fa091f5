// The built-in kind's face: its name, address and rule are its spec's, so the form has none of its
// own fields and the editor shows only what every watch has (interval, switches, channels).
import type { EditorFace } from './face';

export const chatgptPlusFace: EditorFace<Record<never, never>> = {
  fields: {},
  fromRule: () => ({}),
  Section: () => null,
};
