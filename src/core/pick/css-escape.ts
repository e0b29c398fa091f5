/**
 * CSS escaping as the CSSOM spec defines `CSS.escape`, written out because the places a selector is
 * built and tested (jsdom, the worker) have no `CSS` global; a page's own could be replaced, too.
 */
export function cssIdent(value: string): string {
  const chars = Array.from(value);
  let out = '';
  chars.forEach((char, i) => {
    const code = char.codePointAt(0) ?? 0;
    if (code === 0) out += '\uFFFD';
    else if ((code >= 0x1 && code <= 0x1f) || code === 0x7f) out += hexEscape(code);
    else if (i === 0 && isDigit(code)) out += hexEscape(code);
    else if (i === 1 && isDigit(code) && chars[0] === '-') out += hexEscape(code);
    else if (i === 0 && char === '-' && chars.length === 1) out += '\\-';
    else if (code >= 0x80 || char === '-' || char === '_' || isDigit(code) || /[A-Za-z]/.test(char)) out += char;
    else out += `\\${char}`;
  });
  return out;
}

/** A double-quoted CSS string, for attribute values: quotes, backslashes and line breaks escaped. */
export function cssString(value: string): string {
  const body = value
    .replace(/\0/g, '\uFFFD')
    .replace(/["\\]/g, '\\$&')
    .replace(/[\n\r\f]/g, (c) => hexEscape(c.charCodeAt(0)));
  return `"${body}"`;
}

const isDigit = (code: number) => code >= 0x30 && code <= 0x39;
const hexEscape = (code: number) => `\\${code.toString(16)} `;
