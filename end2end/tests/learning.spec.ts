import { signIn } from './demo';
import { test, expect, expectAccessible } from './fixtures';

/**
 * A learner's journey through a module: open it from the catalogue, read a
 * lesson and mark it done, take the quiz (save, then send), and see the score
 * with the expected answers and explanations — which are nowhere in the page
 * before the answers are sent. Runs with JavaScript on and off.
 */

const MODULE = 'Sensibilisation en santé mentale';
const LESSON = 'Santé mentale, représentations et stigmatisation';
const FEEDBACK_3114 = 'Le 3114 est le numéro national de prévention du suicide';

test('a learner reads a lesson, takes the quiz and sees score and feedback', async ({ page, visit }, testInfo) => {
  // One demo learner per project, so that each run starts from a clean history.
  const email = testInfo.project.name === 'chromium-js' ? 'apprenant01@demo.relais.fr' : 'apprenant02@demo.relais.fr';
  await signIn(page, visit, email);

  await visit('/formations');
  await expectAccessible(page);
  await page.getByRole('link', { name: MODULE, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: MODULE })).toBeVisible();
  await expect(page.getByText('Votre progression : 0 leçon(s) terminée(s) sur')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: LESSON, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: LESSON })).toBeVisible();
  await expect(page.getByRole('article')).toContainText('Contenu de démonstration');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'J’ai terminé cette leçon', exact: true }).click();
  await expect(page.getByText('Vous avez terminé cette leçon.')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Sommaire du module', exact: true }).click();
  await expect(page.getByText('Votre progression : 1 leçon(s) terminée(s) sur')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: /^Quiz – / }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Quiz – / })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Commencer une tentative', exact: true }).click();
  await expect(page).toHaveURL(/\/quiz\/tentatives\/\d+$/);
  await expect(page.getByRole('heading', { level: 1, name: /tentative n° 1$/ })).toBeVisible();
  await expect(page.getByRole('main')).not.toContainText(FEEDBACK_3114);
  await expect(page.getByRole('main')).not.toContainText('Réponse attendue');
  await expectAccessible(page);

  const victims = page.getByRole('group', { name: /plus souvent victimes de violences/ });
  await victims.getByLabel('Vrai', { exact: true }).check();
  const hotline = page.getByRole('group', { name: /numéro national de prévention du suicide/ });
  await hotline.getByLabel('Votre réponse').fill('le 3114');
  await page.getByRole('button', { name: 'Enregistrer sans envoyer', exact: true }).click();
  // Saved answers come back, whether the page was reloaded (no JavaScript) or not.
  await expect(hotline.getByLabel('Votre réponse')).toHaveValue('le 3114');
  await expect(victims.getByLabel('Vrai', { exact: true })).toBeChecked();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Envoyer mes réponses', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Résultat — tentative n° 1' })).toBeVisible();
  await expect(page.getByText(/^Non réussi : 2 sur \d+ points/)).toBeVisible();
  await expect(page.getByRole('main')).toContainText(FEEDBACK_3114);
  await expect(page.getByRole('heading', { name: 'Réponse attendue' }).first()).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Retour au quiz', exact: true }).click();
  await expect(page.getByRole('row', { name: /n° 1/ })).toContainText('Non réussi');
  await expectAccessible(page);
});
