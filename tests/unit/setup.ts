import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, vi } from 'vitest';
import { fakeOffscreen, fakePermissions } from './fake-polyfill';

beforeEach(() => {
  fakeBrowser.reset();
  fakePermissions.reset();
  fakeOffscreen.reset();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});
