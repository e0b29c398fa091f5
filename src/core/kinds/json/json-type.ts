// The JSON types a watch's value can have: small and apart from the tests, so the worker checks
// stored states with it without loading the readers.

export const JSON_TYPES = ['null', 'boolean', 'number', 'string', 'array', 'object'] as const;
export type JsonType = (typeof JSON_TYPES)[number];
export const isJsonType = (value: unknown): value is JsonType => (JSON_TYPES as readonly unknown[]).includes(value);
export function jsonType(value: unknown): JsonType | 'other' {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  return type === 'boolean' || type === 'number' || type === 'string' || type === 'object' ? type : 'other';
}
