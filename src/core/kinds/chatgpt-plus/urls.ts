// Addresses only, so pages can link to chatgpt.com without loading the probe.
export const CHATGPT_ORIGIN = 'https://chatgpt.com';
export const SESSION_PATH = '/api/auth/session';
export const ACCOUNTS_PATH = '/backend-api/accounts/check/v4-2023-04-27';
export const PRICING_URL = `${CHATGPT_ORIGIN}/#pricing`;
