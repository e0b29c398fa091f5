// Masks secrets in text bound for a log, an error or an export; `secretsOf` supplies the values.

export const REDACTED = '[secret]';

export function redact(text: string, secrets: readonly string[]): string {
  // Longest first, so a webhook URL is masked whole before the token inside it.
  const ordered = [...new Set(secrets.filter((s) => s.length > 0))].sort((a, b) => b.length - a.length);
  let out = text;
  for (const secret of ordered) out = out.split(secret).join(REDACTED);
  return out;
}
