import { describe, expect, it } from 'vitest';
import { coveredBy, legacyAsked, noteAsked, sitesToRelease } from './site-grants';

describe('coveredBy', () => {
  it('knows a site granted already: the same pattern, every site, or a wildcard host', () => {
    const site = 'https://shop.example/*';
    expect(coveredBy(site, [site])).toBe(true);
    for (const broad of ['<all_urls>', '*://*/*', 'https://*/*', 'https://*.example/*', '*://*.shop.example/*'])
      expect(coveredBy(site, [broad])).toBe(true);
    for (const other of ['http://*/*', 'https://other.example/*', 'https://*.other.example/*', 'https://shop.example/path/*'])
      expect(coveredBy(site, [other])).toBe(false);
    expect(coveredBy('https://shop.example:8443/*', ['https://shop.example/*'])).toBe(true);
  });
});

describe('noteAsked and sitesToRelease', () => {
  it('remember only what a request newly obtained, and give back only that', () => {
    const granted = ['https://chatgpt.com/*', 'https://*/*'];
    // Under "On all sites" a request obtains nothing new: there is nothing of ours to give back later.
    expect(noteAsked([], ['https://shop.example/*'], granted)).toEqual([]);
    const asked = noteAsked([], ['https://shop.example/*', 'https://api.example/*'], ['https://api.example/*']);
    expect(asked).toEqual(['https://shop.example/*']);
    const now = ['https://chatgpt.com/*', 'https://shop.example/*', 'https://api.example/*', 'https://*/*'];
    expect(sitesToRelease(asked, now, new Set(['https://chatgpt.com/*']))).toEqual({ release: ['https://shop.example/*'], asked: [] });
    expect(sitesToRelease(asked, now, new Set(['https://shop.example/*']))).toEqual({ release: [], asked });
  });

  it('count a 2.1 grant a watch or channel names as ours, never a broader one', () => {
    const granted = ['https://chatgpt.com/*', 'https://shop.example/*', 'https://*/*', 'https://mine.example/*'];
    expect(legacyAsked(granted, new Set(['https://chatgpt.com/*', 'https://shop.example/*']))).toEqual([
      'https://chatgpt.com/*',
      'https://shop.example/*',
    ]);
  });
});
