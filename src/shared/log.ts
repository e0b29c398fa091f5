/**
 * The extension's only logger. Callers pass short reasons and numbers; the access token and
 * personal data never reach here (the probe keeps them out of verdicts).
 */
const PREFIX = '[reopen-watch]';

export const log = {
  info: (message: string, details?: Record<string, unknown>) => console.info(PREFIX, message, details ?? ''),
  warn: (message: string, details?: Record<string, unknown>) => console.warn(PREFIX, message, details ?? ''),
};
