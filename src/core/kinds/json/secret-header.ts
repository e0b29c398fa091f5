/** A JSON watch's one request header: a token-like name, a value without line breaks. */
export const HEADER_NAME = /^[A-Za-z0-9-]{1,64}$/;
export const MAX_HEADER_VALUE = 2000;

export const isHeaderValue = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= MAX_HEADER_VALUE && !/[\r\n\0]/.test(value);
