import type { MessageKey } from '../shared/i18n';

/** What a person got wrong in a form: a message key in their language, or the validator's own words. */
export type Problem = { key: MessageKey; args?: Array<string | number> } | { text: string };
