import { existsSync } from 'node:fs';
import { chromePath } from './chrome-path';

/** Fails the e2e run up front, with how to fix it, when the browser or the build is missing. */
export default function setup(): void {
  chromePath();
  if (!existsSync(new URL('../../dist/manifest.json', import.meta.url))) {
    throw new Error('dist/ is missing: run "npm run build" first (npm test does this for you).');
  }
}
