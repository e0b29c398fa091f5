// Optional host access in the real browsers, as DESIGN.md's testing section says: Chromium cannot
// answer its permission prompt headless, so the user's own "Site access → Add site" is done on
// chrome://extensions first; Firefox skips its prompt with a pref. Either way the extension then
// asks with `permissions.request` from a real click, as its pages do.
import type { BrowserContext, Page } from 'playwright-core';
import type { Page as FirefoxPage } from 'puppeteer-core';

/** What both drivers' pages offer and the click needs (Playwright's for Chromium, Puppeteer's for Firefox). */
interface ClickablePage {
  evaluate<A>(fn: (arg: A) => void, arg: A): Promise<unknown>;
  click(selector: string): Promise<void>;
  waitForSelector(selector: string, options: { timeout: number }): Promise<unknown>;
  $eval<R>(selector: string, fn: (element: Element) => R): Promise<R>;
}

type DeveloperPrivate = { developerPrivate: { addHostPermission(id: string, host: string, done: () => void): void } };

/** Chromium: the user's "Site access → Add site" for each pattern. */
export async function addSites(context: BrowserContext, extensionId: string, patterns: string[]): Promise<void> {
  const page = await context.newPage();
  await page.goto('chrome://extensions');
  await page.evaluate(
    async ([id, list]) => {
      const dev = (chrome as unknown as DeveloperPrivate).developerPrivate;
      for (const host of list as string[]) await new Promise<void>((done) => dev.addHostPermission(id as string, host, done));
    },
    [extensionId, patterns] as const,
  );
  await page.close();
}

/**
 * `permissions.request` on a real click (a button put on `page`, one of the extension's own), with
 * the browser's answer; the button is removed again. Chromium (`chrome`) and Firefox (`browser`).
 */
export async function requestByClick(
  extensionPage: Page | FirefoxPage,
  permissions: { origins: string[]; data_collection?: string[] },
): Promise<boolean> {
  const page = extensionPage as unknown as ClickablePage;
  await page.evaluate((wanted) => {
    const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
    const button = document.createElement('button');
    button.id = 'allow-for-test';
    button.textContent = 'Allow';
    button.onclick = () => {
      api.permissions.request(wanted as chrome.permissions.Permissions).then(
        (answer) => {
          button.dataset.answer = String(answer);
        },
        (error: unknown) => {
          button.dataset.answer = String(error);
        },
      );
    };
    document.body.prepend(button);
  }, permissions);
  await page.click('#allow-for-test');
  await page.waitForSelector('#allow-for-test[data-answer]', { timeout: 10_000 });
  const answer = await page.$eval('#allow-for-test', (b) => (b as HTMLElement).dataset.answer);
  await page.$eval('#allow-for-test', (b) => b.remove());
  return answer === 'true';
}
