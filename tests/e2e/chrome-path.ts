import { existsSync } from 'node:fs';

/** The Chromium to test with; fails loudly (never skips) when it is missing. */
export function chromePath(): string {
  const path = process.env.CHROME_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. Install it with "sudo apt-get install -y chromium" (Debian/Ubuntu) or set CHROME_PATH to a Chromium/Chrome binary.`,
    );
  }
  return path;
}
