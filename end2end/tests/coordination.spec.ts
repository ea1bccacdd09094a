import type { Page } from '@playwright/test';
import { test, expect, expectAccessible } from './fixtures';

/**
 * The coordinator's other pages (partner structures, email outbox) and the
 * learner's profile: they work with JavaScript on and off and pass axe.
 */

const COORDINATOR = { email: 'coordination@demo.relais.fr', password: 'Demo-Relais-2026' };
const LEARNER = { email: 'apprenant@demo.relais.fr', password: 'Demo-Relais-2026' };

async function signIn(page: Page, visit: (path: string) => Promise<unknown>, who: { email: string; password: string }) {
  await visit('/connexion');
  await expectAccessible(page);
  await page.getByLabel('Adresse e-mail (obligatoire)').fill(who.email);
  await page.getByLabel('Mot de passe (obligatoire)').fill(who.password);
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === '/mon-espace');
  await expect(page.getByRole('heading', { level: 1, name: /^Bonjour / })).toBeVisible();
  await expectAccessible(page);
}

test.describe('coordination pages', () => {
  test('a reset message shows in the outbox, and structures are listed', async ({ page, visit }) => {
    // Queue a message: a password reset for the demo learner.
    await visit('/mot-de-passe-oublie');
    await expectAccessible(page);
    await page.getByLabel('Adresse e-mail (obligatoire)').fill(LEARNER.email);
    await page.getByRole('button', { name: 'Recevoir un lien', exact: true }).click();
    // With and without JavaScript the server function redirects here: wait for it, then check.
    await expect(page).toHaveURL((url) => url.searchParams.get('envoye') === '1');
    await expect(page.getByRole('status')).toContainText('Si un compte existe avec cette adresse');
    await expectAccessible(page);

    await signIn(page, visit, COORDINATOR);

    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Structures', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Structures partenaires' })).toBeVisible();
    await expect(page.getByRole('rowheader', { name: 'GEM L’Albatros', exact: true })).toBeVisible();
    await expectAccessible(page);
    // The search is a GET form: the address keeps it (a structure's name is not personal).
    await page.getByLabel('Rechercher par nom ou ville').fill('albatros');
    await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
    await expect(page).toHaveURL(/recherche=albatros/);
    await expect(page.getByRole('rowheader')).toHaveCount(1);
    await expect(page.getByRole('rowheader', { name: 'GEM L’Albatros', exact: true })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Courriels', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Courriels envoyés par Relais' })).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: LEARNER.email }).first();
    await expect(row).toContainText('Relais : réinitialisation de votre mot de passe');
    await expectAccessible(page);

    await row.getByRole('link', { name: 'Voir le message', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: /réinitialisation de votre mot de passe/ })).toBeVisible();
    await expect(page.getByRole('main')).toContainText('jeton=');
    await expectAccessible(page);

    // A quiz's results, one year at a time: the year is a GET form.
    await visit('/formations/sensibilisation-sante-mentale');
    await expectAccessible(page);
    await page.getByRole('link', { name: /^Résultats et progression de vos groupes/ }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: /^Résultats — / })).toBeVisible();
    const year = String(new Date().getFullYear());
    await expect(page.getByLabel('Année des tentatives')).toHaveValue(year);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Afficher', exact: true }).click();
    await expect(page).toHaveURL((url) => url.searchParams.get('annee') === year);
    await expect(page.getByRole('link', { name: `Télécharger les résultats de ${year} (CSV)` })).toBeVisible();
    await expectAccessible(page);
  });

  test('a learner opens their profile', async ({ page, visit }) => {
    await signIn(page, visit, LEARNER);
    await page.getByRole('banner').getByRole('link', { name: 'Camille Apprenante', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mon profil' })).toBeVisible();
    await expect(page.getByLabel('Prénom et nom (obligatoire)')).toHaveValue('Camille Apprenante');
    await expect(page.getByRole('link', { name: 'Télécharger mes données', exact: true })).toHaveAttribute('href', '/mes-donnees');
    await expectAccessible(page);
  });
});
