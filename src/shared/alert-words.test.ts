// Alerts in each kind's words (issue 18): a product read from its offers is back in stock; a
// sign-up read from its words, or ChatGPT Plus, is available as before.
import { describe, expect, it } from 'vitest';
import { channelWords, reminderWords, reopenedWords } from './alert-words';

const gpu = { kind: 'page' as const, name: 'RTX 5090', url: 'https://shop.example/gpu' };

describe('reopening alerts', () => {
  it('say in stock for a product page read from its offers', () => {
    expect(reopenedWords(gpu, false, 'structured-data').title).toBe('RTX 5090 is in stock');
    expect(reopenedWords(gpu, true, 'structured-data').title).toBe('RTX 5090 is back in stock');
    expect(channelWords(gpu, 'reopened', 0, 'structured-data').title).toBe('RTX 5090 is in stock');
  });

  it('keep the kind’s general words for other reasons, and when no reason is known', () => {
    expect(reopenedWords(gpu, true, 'phrase-open').title).toBe('RTX 5090 is available again');
    expect(reopenedWords(gpu, false).title).toBe('RTX 5090 is available');
    expect(channelWords(gpu, 'reopened', 0).title).toBe('RTX 5090 is available');
    expect(reminderWords(gpu, 5).title).toBe('RTX 5090 is available');
    const plus = { kind: 'chatgpt-plus' as const, name: 'ChatGPT Plus', url: 'https://chatgpt.com/' };
    expect(reopenedWords(plus, true, 'no-pause-flag').title).toBe(reopenedWords(plus, true).title);
  });
});
