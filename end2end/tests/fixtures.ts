import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page, type Response } from '@playwright/test';

export { expect };

/** WCAG rules checked on every visited page. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Maximum time allowed for hydration (including loading the WASM). */
export const HYDRATION_TIMEOUT_MS = 15_000;

/**
 * URLs (without fragment) each page navigated to, and those checked with axe.
 * The `page` fixture fails a test that visited a page without calling
 * expectAccessible(page) on it.
 */
const visitedUrls = new WeakMap<Page, Set<string>>();
const checkedUrls = new WeakMap<Page, Set<string>>();
/** Pages opened with `javaScriptEnabled: false`. */
const noJsPages = new WeakSet<Page>();

function withoutHash(url: string): string {
  const i = url.indexOf('#');
  return i === -1 ? url : url.slice(0, i);
}

/**
 * Waits until the application is hydrated (`<html data-hydrated="true">`).
 * Only call it when JavaScript is enabled.
 */
export async function waitForHydration(page: Page): Promise<void> {
  await expect(
    page.locator('html'),
    'the application must hydrate (<html data-hydrated="true">)',
  ).toHaveAttribute('data-hydrated', 'true', { timeout: HYDRATION_TIMEOUT_MS });
}

/**
 * Serialises the current DOM as is, without its <script> elements and with the
 * content of <noscript> elements unwrapped (what a browser without JavaScript
 * displays).
 */
async function noJsSnapshot(page: Page): Promise<string> {
  // Synchronous evaluation: without JavaScript, Chromium runs neither timers nor
  // promises in the page, but a synchronous expression completes.
  return page.evaluate(() => {
    const root = document.documentElement.cloneNode(true) as HTMLElement;
    root.querySelectorAll('script').forEach((s) => s.remove());
    root.querySelectorAll('noscript').forEach((n) => {
      if (n.children.length === 0 && (n.textContent ?? '').includes('<')) {
        const tpl = document.createElement('template');
        tpl.innerHTML = n.textContent ?? '';
        n.replaceWith(tpl.content);
      } else {
        n.replaceWith(...Array.from(n.childNodes));
      }
    });
    const doctype = document.doctype ? `<!DOCTYPE ${document.doctype.name}>` : '';
    return doctype + root.outerHTML;
  });
}

/**
 * axe results for the page. With JavaScript: direct analysis. Without
 * JavaScript, axe-core (asynchronous) cannot run in the page, so a snapshot of
 * its DOM is analysed instead, served at the same URL (same styles, same
 * viewport) in a separate context where only axe runs.
 */
async function axeResults(page: Page) {
  if (!noJsPages.has(page)) {
    return new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  }
  const url = withoutHash(page.url());
  const html = await noJsSnapshot(page);
  const browser = page.context().browser();
  if (!browser) throw new Error('expectAccessible: no browser found for the analysis without JavaScript');
  const context = await browser.newContext({
    javaScriptEnabled: true,
    locale: 'fr-FR',
    viewport: page.viewportSize(),
  });
  try {
    let served = false;
    await context.route('**/*', async (route) => {
      const request = route.request();
      if (!served && request.isNavigationRequest() && request.url() === url) {
        served = true;
        await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      } else if (request.resourceType() === 'script' || request.isNavigationRequest()) {
        await route.abort();
      } else {
        await route.continue();
      }
    });
    const auditPage = await context.newPage();
    await auditPage.goto(url);
    return await new AxeBuilder({ page: auditPage }).withTags(AXE_TAGS).analyze();
  } finally {
    await context.close();
  }
}

/**
 * Runs axe-core (WCAG 2.0/2.1, levels A and AA) on the current page and
 * requires zero violations. The failure message lists each rule's id, its help
 * text and the selectors of the offending elements.
 */
export async function expectAccessible(page: Page): Promise<void> {
  const url = page.url();
  const results = await axeResults(page);
  const violations = results.violations.map((v) => {
    const targets = v.nodes.map((n) => n.target.map(String).join(' >>> '));
    return `${v.id} [${v.impact ?? 'unknown impact'}] ${v.help} (${v.helpUrl})\n    targets: ${targets.join(' | ')}`;
  });
  const mode = noJsPages.has(page) ? ' (rendered without JavaScript)' : '';
  expect(
    violations,
    `axe: ${violations.length} WCAG A/AA violation(s) on ${url}${mode}\n  ${violations.join('\n  ')}\n`,
  ).toEqual([]);
  checkedUrls.get(page)?.add(withoutHash(url));
}

type RelaisOptions = {
  /**
   * HTTP error statuses expected for the main document (e.g. [404] for the
   * not-found page). Chromium then logs "Failed to load resource: the server
   * responded with a status of 404" to the console; that message, and only it,
   * for the main document and that exact status, is tolerated. Any other
   * console error (including a 404 for a secondary resource) fails the test.
   */
  expectedDocumentStatuses: number[];
  /**
   * Error statuses expected for other requests made by the page, by URL path
   * (e.g. `{ path: '/api/accounts/sign_in', status: 422 }` when a test submits
   * a wrong password on purpose and the server function answers 422). The
   * matching "Failed to load resource" console message is tolerated only if a
   * response with that path and that exact status was received; any other
   * console error still fails the test.
   */
  expectedResourceStatuses: { path: string; status: number }[];
};

type RelaisFixtures = {
  /**
   * `page.goto(path)`, then, if JavaScript is enabled, waits for hydration.
   * Returns the navigation response.
   */
  visit: (path: string) => Promise<Response | null>;
};

/**
 * Runs in every page before its scripts: reports, as a console error (which
 * fails the test), any moment after parsing at which a script empties the
 * document's title — axe's `document-title` rule would fail if it ran then.
 */
function watchTitle(): void {
  const blank = (text: string | null | undefined): boolean => (text ?? '').trim() === '';
  // Each record is read as it was when the change happened: a title emptied
  // and filled again before the observer runs is still caught.
  const emptied = (r: MutationRecord): boolean => {
    if (r.type === 'characterData') {
      return r.target.parentNode instanceof HTMLTitleElement && (blank(r.oldValue) || blank(r.target.textContent));
    }
    if (r.target instanceof HTMLTitleElement) {
      return r.removedNodes.length > 0 && Array.from(r.addedNodes).every((n) => blank(n.textContent));
    }
    return Array.from(r.removedNodes).some((n) => n instanceof HTMLTitleElement);
  };
  new MutationObserver((records) => {
    if (document.readyState === 'loading') return;
    if (records.some(emptied)) console.error(`the document title was emptied on ${location.pathname}`);
  }).observe(document, { subtree: true, childList: true, characterData: true, characterDataOldValue: true });
}

const FAILED_RESOURCE = /^Failed to load resource: the server responded with a status of (\d{3})\b/;

export const test = base.extend<RelaisFixtures & RelaisOptions>({
  expectedDocumentStatuses: [[], { option: true }],
  expectedResourceStatuses: [[], { option: true }],

  page: async ({ page, javaScriptEnabled, expectedDocumentStatuses, expectedResourceStatuses }, use, testInfo) => {
    const errors: string[] = [];
    const visited = new Set<string>();
    const checked = new Set<string>();
    /** HTTP status of each main document received, by URL. */
    const documentStatuses = new Map<string, number>();
    /** HTTP statuses received for other requests, by URL. */
    const resourceStatuses = new Map<string, number[]>();
    /**
     * Console messages for a failed resource listed in expectedResourceStatuses,
     * settled at the end of the test (the console message may arrive before
     * the response event).
     */
    const pendingResourceErrors: { url: string; status: number; message: string }[] = [];
    visitedUrls.set(page, visited);
    checkedUrls.set(page, checked);
    if (!javaScriptEnabled) noJsPages.add(page);
    else await page.addInitScript(watchTitle);

    page.on('response', (response) => {
      const request = response.request();
      if (request.isNavigationRequest() && request.frame() === page.mainFrame()) {
        documentStatuses.set(response.url(), response.status());
      } else {
        const statuses = resourceStatuses.get(response.url()) ?? [];
        statuses.push(response.status());
        resourceStatuses.set(response.url(), statuses);
      }
    });
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const loc = msg.location();
      const failed = FAILED_RESOURCE.exec(msg.text());
      if (failed && loc.url) {
        const status = Number(failed[1]);
        if (expectedDocumentStatuses.includes(status) && documentStatuses.get(loc.url) === status) return;
      }
      const where = loc.url ? ` (${loc.url}:${loc.lineNumber}:${loc.columnNumber})` : '';
      const message = `console.error: ${msg.text()}${where}`;
      if (failed && loc.url) {
        const status = Number(failed[1]);
        const path = new URL(loc.url).pathname;
        if (expectedResourceStatuses.some((e) => e.path === path && e.status === status)) {
          pendingResourceErrors.push({ url: loc.url, status, message });
          return;
        }
      }
      errors.push(message);
    });
    page.on('pageerror', (err) => {
      errors.push(`page error: ${err.stack ?? err.message}`);
    });
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) {
        const url = withoutHash(frame.url());
        if (url !== 'about:blank') visited.add(url);
      }
    });

    await use(page);

    for (const { url, status, message } of pendingResourceErrors) {
      if (!resourceStatuses.get(url)?.includes(status)) errors.push(message);
    }

    expect(errors, `JavaScript or console errors during the test:\n  ${errors.join('\n  ')}\n`).toEqual([]);

    // Do not hide a test's original failure behind a second message.
    if (testInfo.status === testInfo.expectedStatus) {
      const unchecked = [...visited].filter((u) => !checked.has(u));
      expect(
        unchecked,
        `Pages visited without a call to expectAccessible(page):\n  ${unchecked.join('\n  ')}\n`,
      ).toEqual([]);
    }
  },

  visit: async ({ page, javaScriptEnabled }, use) => {
    await use(async (path: string) => {
      const response = await page.goto(path);
      if (javaScriptEnabled) await waitForHydration(page);
      return response;
    });
  },
});
