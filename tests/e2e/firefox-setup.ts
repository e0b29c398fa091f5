import { existsSync } from 'node:fs';
import { firefoxPath } from './firefox-harness';

/** Fails the Firefox run up front, with how to fix it, when the browser or the build is missing. */
export default function setup(): void {
  firefoxPath();
  if (!existsSync(new URL('../../dist-firefox/manifest.json', import.meta.url))) {
    throw new Error('dist-firefox/ is missing: run "npm run build:firefox" first (npm test does this for you).');
  }
}
