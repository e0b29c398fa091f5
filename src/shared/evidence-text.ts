import type { EvidenceMessage } from '../core/evidence-message';
import { messageText } from './i18n';

/** The message in the UI's language, or '' when this version's locale files lack one of its keys. */
const say = ({ key, args }: EvidenceMessage): string => {
  const parts = args.map((arg) => (typeof arg === 'string' ? arg : say(arg)));
  return parts.includes('') ? '' : messageText(key, parts);
};

/** A reading's evidence in the UI's language, or its English line when it carries no message this version knows. */
export const evidenceText = (v: { evidence: string; evidenceMessage?: EvidenceMessage }): string =>
  (v.evidenceMessage && say(v.evidenceMessage)) || v.evidence;
