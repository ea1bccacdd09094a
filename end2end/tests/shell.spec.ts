import type { Page } from '@playwright/test';
import { test, expect, expectAccessible, waitForHydration } from './fixtures';

/** Courses present in the demo data. */
const DEMO_COURSES = [
  'Sensibilisation en santé mentale',
  'Santé mentale et précarité',
  'Prévention et gestion des situations de crise',
];

function mainNavigation(page: Page) {
  return page.getByRole('navigation', { name: 'Navigation principale', exact: true });
}

async function expectCatalogue(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Les formations', exact: true })).toBeVisible();
  for (const title of DEMO_COURSES) {
    await expect(page.getByRole('heading', { level: 2, name: title, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveCount(DEMO_COURSES.length);
}

test.describe('home page', () => {
  test('language, title, single h1, landmarks and skip link', async ({ page, visit }) => {
    await visit('/');

    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page).toHaveTitle(/Relais/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);

    await expect(page.getByRole('banner')).toBeVisible();
    await expect(mainNavigation(page)).toBeVisible();
    const main = page.getByRole('main');
    await expect(main).toHaveCount(1);
    await expect(main).toHaveAttribute('id', 'contenu');
    await expect(page.getByRole('contentinfo')).toBeVisible();

    await expectAccessible(page);

    // The skip link is the first element reached with the keyboard and leads to #contenu.
    const skipLink = page.getByRole('link', { name: 'Aller au contenu', exact: true });
    await expect(skipLink).toHaveAttribute('href', '#contenu');
    await page.keyboard.press('Tab');
    await expect(skipLink).toBeFocused();
  });
});

test.describe('catalogue', () => {
  test.describe('with JavaScript', () => {
    test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, 'requires JavaScript (islands)');

    test('the "Formations" link loads the catalogue, whose islands hydrate', async ({ page, visit }) => {
      await visit('/');
      await expectAccessible(page);

      await mainNavigation(page).getByRole('link', { name: 'Formations', exact: true }).click();

      await expectCatalogue(page);
      await waitForHydration(page);
      await expectAccessible(page);
    });

    test('a page pulls only its islands: at most 250 KB of JavaScript and wasm as served', async ({ page, visit }) => {
      const sizes: Promise<number>[] = [];
      page.on('requestfinished', (request) => {
        if (/\.(js|wasm)$/.test(new URL(request.url()).pathname)) {
          sizes.push(request.sizes().then((s) => s.responseBodySize));
        }
      });
      await visit('/formations');
      await expectAccessible(page);

      const served = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
      expect(sizes.length, 'the page loads its script and its wasm').toBeGreaterThanOrEqual(2);
      expect(served, `JavaScript and wasm served: ${served} bytes`).toBeLessThanOrEqual(250 * 1024);
    });
  });

  test.describe('without JavaScript', () => {
    test.skip(({ javaScriptEnabled }) => javaScriptEnabled, 'journey without JavaScript only');

    test('the "Formations" link loads the catalogue server-side', async ({ page, visit }) => {
      await visit('/');
      await expectAccessible(page);

      await mainNavigation(page).getByRole('link', { name: 'Formations', exact: true }).click();

      await expectCatalogue(page);
      await expectAccessible(page);
    });
  });
});

test.describe('footer', () => {
  for (const label of ['Données personnelles', 'Accessibilité']) {
    test(`the "${label}" link opens the matching page`, async ({ page, visit }) => {
      await visit('/');
      await expectAccessible(page);

      await page.getByRole('contentinfo').getByRole('link', { name: label, exact: true }).click();

      await expect(page.getByRole('heading', { level: 1, name: label, exact: true })).toBeVisible();
      await expectAccessible(page);
    });
  }
});

test.describe('not-found page', () => {
  // Only Chromium's log line for the main document's 404 is tolerated.
  test.use({ expectedDocumentStatuses: [404] });

  test('an unknown URL returns 404 and offers a way back to the home page', async ({ page, visit }) => {
    const response = await visit('/cette-page-n-existe-pas');

    expect(response, 'the navigation must produce an HTTP response').not.toBeNull();
    expect(response!.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page introuvable', exact: true })).toBeVisible();
    const homeLink = page.getByRole('main').getByRole('link', { name: /accueil/i });
    await expect(homeLink.first()).toBeVisible();
    await expect(homeLink.first()).toHaveAttribute('href', '/');
    await expectAccessible(page);
  });
});

test.describe('service health', () => {
  test('/healthz reports ok for the service and the database', async ({ request }) => {
    const response = await request.get('/healthz');

    expect(response.status()).toBe(200);
    const body: unknown = await response.json();
    expect(body).toMatchObject({ status: 'ok', database: 'ok' });
  });
});

test.describe('phone (390 × 844)', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the home page does not scroll horizontally', async ({ page, visit }) => {
    await visit('/');

    const { scrollWidth, clientWidth } = await page.evaluate(() => {
      const el = document.scrollingElement ?? document.documentElement;
      return { scrollWidth: el.scrollWidth, clientWidth: el.clientWidth };
    });
    expect(scrollWidth, `horizontal scrolling: scrollWidth ${scrollWidth} > clientWidth ${clientWidth}`).toBeLessThanOrEqual(
      clientWidth,
    );
    await expectAccessible(page);
  });
});
