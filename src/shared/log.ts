/**
 * The extension's only logger. Callers pass short reasons and numbers; the access token and
 * personal data never reach here (the probe keeps them out of verdicts). Details are printed as
 * JSON so they read the same in DevTools and in captured console text.
 */
const PREFIX = '[reopen-watch]';
const format = (details?: Record<string, unknown>) => (details ? JSON.stringify(details) : '');

export const log = {
  info: (message: string, details?: Record<string, unknown>) => console.info(PREFIX, message, format(details)),
  warn: (message: string, details?: Record<string, unknown>) => console.warn(PREFIX, message, format(details)),
};
