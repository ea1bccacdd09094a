import { signIn, signOut } from './demo';
import { test, expect, expectAccessible } from './fixtures';

/**
 * A trainer writes a new question in the « Atelier », and a learner who then
 * starts the quiz sees it. Runs with JavaScript on and off.
 */

const MODULE = 'Prévention et gestion des situations de crise';

test('a trainer writes a question that a learner then sees in the quiz', async ({ page, visit }, testInfo) => {
  const js = testInfo.project.name === 'chromium-js';
  const prompt = `Après une crise, reprendre contact avec la personne fait partie de l’accompagnement (${testInfo.project.name}).`;

  await signIn(page, visit, js ? 'formateur@demo.relais.fr' : 'formateur.clsm@demo.relais.fr');
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Atelier', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Atelier' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: MODULE, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(MODULE) })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: `Quiz – ${MODULE}`, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Quiz – ${MODULE}` })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Type (obligatoire)').selectOption({ label: 'Vrai ou faux' });
  await page.getByLabel('Énoncé (obligatoire)').fill(prompt);
  await page.getByLabel('Réponses (obligatoire)').fill('vrai');
  await page.getByLabel('Commentaire montré après la réponse').fill('Reprendre des nouvelles aide la personne à ne pas rester seule.');
  await page.getByRole('button', { name: 'Enregistrer la question', exact: true }).click();
  await expect(page.getByText(prompt)).toBeVisible();
  await expectAccessible(page);

  // Waits for the home page before checking it (with JavaScript the banner changes first).
  await signOut(page);

  await signIn(page, visit, js ? 'apprenant03@demo.relais.fr' : 'apprenant04@demo.relais.fr');
  await visit('/formations');
  await expectAccessible(page);
  await page.getByRole('link', { name: MODULE, exact: true }).click();
  await expectAccessible(page);
  await page.getByRole('link', { name: `Quiz – ${MODULE}` }).click();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Commencer une tentative', exact: true }).click();
  await expect(page).toHaveURL(/\/quiz\/tentatives\/\d+$/);
  const question = page.getByRole('group', { name: new RegExp(prompt.replace(/[()]/g, '.')) });
  await expect(question).toBeVisible();
  await expect(question.getByLabel('Vrai', { exact: true })).toBeVisible();
  await expectAccessible(page);
});
