import { describe, expect, it } from 'vitest';
import { cleanText, EVIDENCE_MAX, quote, reading } from './evidence';
import { say } from './evidence-en';

describe('evidence', () => {
  it('strips control and bidi characters and collapses spaces', () => {
    expect(cleanText(' a\u0000b\u001b[31m \n\t c\u202e\u0085 ')).toBe('a b [31m c');
  });
  it('quotes and shortens found text', () => {
    expect(quote('sold out')).toBe('"sold out"');
    expect(quote('x'.repeat(50))).toBe(`"${'x'.repeat(39)}…"`);
    expect(quote('售罄'.repeat(30), 10)).toBe(`"${'售罄'.repeat(4)}售…"`);
  });
  it('caps a reading at one short line', () => {
    const long = reading('error', 'no-signal', say('evText', 'y'.repeat(500)));
    expect([...long.evidence].length).toBe(EVIDENCE_MAX);
    expect(long.evidence.endsWith('…')).toBe(true);
    // The message keeps its argument, each held to a length a stored message may have.
    expect(long.evidenceMessage).toEqual({ key: 'evText', args: [`${'y'.repeat(199)}…`] });
  });
});
