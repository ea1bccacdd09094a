import { signIn } from './demo';
import { test, expect, expectAccessible } from './fixtures';

/**
 * The coordinator opens the indicators of the local health contract, filters
 * them, and downloads every table as XLSX. Runs with JavaScript on and off.
 */

const COORDINATOR = 'coordination@demo.relais.fr';

test('the coordinator reads the indicators and downloads the XLSX', async ({ page, visit }) => {
  await signIn(page, visit, COORDINATOR);
  await page.getByRole('navigation', { name: /principale|Menu/i }).getByRole('link', { name: 'Indicateurs', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Indicateurs du contrat local de santé' })).toBeVisible();
  await expectAccessible(page);

  // Charts are images with a title, each followed by its data table.
  await expect(page.getByRole('img', { name: /Personnes formées en \d{4} par secteur/ })).toBeVisible();
  await expect(page.getByRole('table', { name: /Personnes formées en \d{4} par secteur/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Prévention et gestion des situations de crise' })).toBeVisible();

  // A past year with the demo's history, filtered on the crisis module.
  await page.getByLabel('Année de programme').selectOption('2025');
  await page.getByLabel('Module', { exact: true }).selectOption({ label: 'Prévention et gestion des situations de crise' });
  await page.getByRole('button', { name: 'Afficher', exact: true }).click();
  await expect(page).toHaveURL(/annee=2025/);
  await expect(page.getByRole('table', { name: 'Participation 2025' })).toBeVisible();
  const trained = page.getByRole('table', { name: 'Participation 2025' }).getByRole('row').filter({ hasText: 'Personnes formées' });
  await expect(trained.getByRole('cell')).not.toHaveText('0');
  await expectAccessible(page);

  const link = page.getByRole('link', { name: 'Télécharger tous les tableaux 2025 (XLSX)' });
  const href = await link.getAttribute('href');
  expect(href).toMatch(/^\/exports\/indicateurs\/2025\.xlsx\?module=\d+$/);
  const response = await page.request.get(href ?? '');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const body = await response.body();
  expect(body.subarray(0, 2).toString('latin1')).toBe('PK');
});
