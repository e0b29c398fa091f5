import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, vi } from 'vitest';
import { fakePermissions } from './fake-polyfill';

beforeEach(() => {
  fakeBrowser.reset();
  fakePermissions.reset();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});
