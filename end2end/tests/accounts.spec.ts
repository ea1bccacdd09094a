import type { Page, TestInfo } from '@playwright/test';
import { test, expect, expectAccessible } from './fixtures';

/**
 * Accounts: sign-up, sign-out, sign-in, and the coordinator changing a role.
 *
 * Runs in both projects: with JavaScript the forms are server actions handled
 * by the hydrated app; without it they are plain HTML posts answered with a
 * redirect.
 */

/** Long enough and not in the list of common passwords. */
const GOOD_PASSWORD = 'une phrase de passe solide';

/** Demo coordinator account (the server runs with `--demo`). */
const COORDINATOR = { email: 'coordination@demo.relais.fr', password: 'Demo-Relais-2026' };

/** Partner structure present in the demo data. */
const DEMO_STRUCTURE = 'GEM L’Albatros';

type Learner = { email: string; displayName: string; password: string };

/** A new learner, unique per run and per project. */
function newLearner(testInfo: TestInfo, password = GOOD_PASSWORD): Learner {
  const stamp = `${Date.now()}-${testInfo.project.name}`;
  return {
    email: `e2e-${stamp}@example.org`,
    displayName: `Camille Essai ${stamp}`,
    password,
  };
}

function banner(page: Page) {
  return page.getByRole('banner');
}

function mainNavigation(page: Page) {
  return page.getByRole('navigation', { name: 'Navigation principale', exact: true });
}

function heading1(page: Page, name: string) {
  return page.getByRole('heading', { level: 1, name, exact: true });
}

/** Fills in the sign-up form (the page must be /inscription). */
async function fillSignUpForm(page: Page, learner: Learner): Promise<void> {
  const main = page.getByRole('main');
  await main.getByLabel('Prénom et nom (obligatoire)', { exact: true }).fill(learner.displayName);
  await main.getByLabel('Adresse e-mail (obligatoire)', { exact: true }).fill(learner.email);
  await main.getByLabel('Mot de passe (obligatoire)', { exact: true }).fill(learner.password);
  await main.getByLabel('Profession', { exact: true }).fill('Assistante sociale');
  await main.getByLabel('Secteur d’activité (obligatoire)', { exact: true }).selectOption({ label: 'Action sociale' });
  await main.getByLabel('Structure', { exact: true }).selectOption({ label: DEMO_STRUCTURE });
  await main.getByRole('checkbox', { name: /^J’accepte que mes données soient utilisées/ }).check();
}

async function submitSignUp(page: Page): Promise<void> {
  await page.getByRole('main').getByRole('button', { name: 'Créer un compte', exact: true }).click();
}

/** Checks the header and navigation of a visitor who is not signed in. */
async function expectSignedOut(page: Page): Promise<void> {
  await expect(banner(page).getByRole('link', { name: 'Se connecter', exact: true })).toBeVisible();
  await expect(banner(page).getByRole('link', { name: 'Créer un compte', exact: true })).toBeVisible();
  await expect(banner(page).getByRole('button', { name: 'Se déconnecter', exact: true })).toHaveCount(0);
}

/** Clicks « Se déconnecter » in the header and checks the visitor view is back. */
async function signOut(page: Page): Promise<void> {
  await banner(page).getByRole('button', { name: 'Se déconnecter', exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === '/');
  await expectSignedOut(page);
  await expectAccessible(page);
}

/** Opens /connexion from the header link and checks the page. */
async function openSignIn(page: Page): Promise<void> {
  await banner(page).getByRole('link', { name: 'Se connecter', exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === '/connexion');
  await expect(heading1(page, 'Se connecter')).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: 'Mot de passe oublié ?', exact: true })).toBeVisible();
  await expectAccessible(page);
}

/** Fills in and submits the sign-in form (the page must be /connexion). */
async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  const main = page.getByRole('main');
  await main.getByLabel('Adresse e-mail (obligatoire)', { exact: true }).fill(email);
  await main.getByLabel('Mot de passe (obligatoire)', { exact: true }).fill(password);
  await main.getByRole('button', { name: 'Se connecter', exact: true }).click();
}

/** Signs in from the header link and lands on /mon-espace. */
async function signIn(page: Page, email: string, password: string): Promise<void> {
  await openSignIn(page);
  await submitSignIn(page, email, password);
  await expect(page).toHaveURL((url) => url.pathname === '/mon-espace');
  await expect(page.getByRole('heading', { level: 1, name: /^Bonjour / })).toBeVisible();
  await expect(banner(page).getByRole('button', { name: 'Se déconnecter', exact: true })).toBeVisible();
}

/**
 * Checks /mon-espace greets the learner with their role, and the header shows
 * their name and the navigation link of that role.
 */
async function expectLearnerSpace(page: Page, learner: Learner, roleLabel: string, navLabel: string): Promise<void> {
  await expect(page).toHaveURL((url) => url.pathname === '/mon-espace');
  await expect(heading1(page, `Bonjour ${learner.displayName}`)).toBeVisible();
  await expect(page.getByRole('main')).toContainText(`Vous êtes connecté·e en tant que ${roleLabel}.`);
  const profileLink = banner(page).getByRole('link', { name: learner.displayName, exact: true });
  await expect(profileLink).toBeVisible();
  await expect(profileLink).toHaveAttribute('href', '/profil');
  await expect(mainNavigation(page).getByRole('link', { name: navLabel, exact: true })).toBeVisible();
  await expectAccessible(page);
}

/**
 * Each row of the accounts table as the coordinator sees it: name, e-mail and
 * the role currently shown by its select (the live selection, not the markup).
 */
async function displayedRoles(page: Page): Promise<string[]> {
  return page
    .getByRole('main')
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => {
        const name = row.querySelector('th')?.textContent ?? '';
        // The address only: the cell also holds the « Modifier l’adresse » form.
        const cell = row.querySelector('td')?.cloneNode(true) as HTMLElement | undefined;
        cell?.querySelector('details')?.remove();
        const email = cell?.textContent?.trim() ?? '';
        const select = row.querySelector('select');
        const role = select?.selectedOptions[0]?.textContent ?? '(no role select)';
        return `${name} <${email}>: ${role}`;
      }),
    );
}

test.describe('accounts: sign-up, sign-in and role change', () => {
  // With JavaScript, the server function answers the wrong password with 422,
  // which Chromium logs as a failed resource.
  test.use({ expectedResourceStatuses: [{ path: '/api/accounts/sign_in', status: 422 }] });

  test('a learner signs up, signs out, signs in; a coordinator promotes them to trainer', async ({
    page,
    visit,
  }, testInfo) => {
    test.setTimeout(180_000);
    const learner = newLearner(testInfo);

    // Sign up from the header link.
    await visit('/');
    await expectSignedOut(page);
    await expectAccessible(page);

    await banner(page).getByRole('link', { name: 'Créer un compte', exact: true }).click();
    await expect(page).toHaveURL((url) => url.pathname === '/inscription');
    await expect(heading1(page, 'Créer un compte')).toBeVisible();
    await expect(
      page.getByLabel('Structure', { exact: true }).locator('option').first(),
    ).toHaveText('Ma structure n’est pas dans la liste');
    await expect(page.getByLabel('Autre structure', { exact: true })).toBeVisible();
    await expectAccessible(page);

    await fillSignUpForm(page, learner);
    await submitSignUp(page);
    await expectLearnerSpace(page, learner, 'Apprenant·e', 'Mon espace');
    await expect(mainNavigation(page).getByRole('link', { name: 'Mes sessions', exact: true })).toHaveCount(0);

    await signOut(page);

    // A wrong password is refused with a message.
    await openSignIn(page);
    await submitSignIn(page, learner.email, 'pas le bon mot de passe');
    await expect(page.getByRole('alert')).toContainText('Adresse e-mail ou mot de passe incorrect.');
    await expect(page).toHaveURL((url) => url.pathname === '/connexion');
    await expectSignedOut(page);
    await expectAccessible(page);

    // The right one lets the learner in.
    await submitSignIn(page, learner.email, learner.password);
    await expectLearnerSpace(page, learner, 'Apprenant·e', 'Mon espace');
    await signOut(page);

    // The coordinator finds the learner and makes them a trainer.
    await signIn(page, COORDINATOR.email, COORDINATOR.password);
    await expect(mainNavigation(page).getByRole('link', { name: 'Pilotage', exact: true })).toBeVisible();
    await expectAccessible(page);

    await mainNavigation(page).getByRole('link', { name: 'Comptes', exact: true }).click();
    await expect(page).toHaveURL((url) => url.pathname === '/coordination/comptes');
    await expect(heading1(page, 'Comptes')).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel('Rechercher par nom ou adresse e-mail', { exact: true }).fill(learner.email);
    await page.getByRole('main').getByRole('button', { name: 'Rechercher', exact: true }).click();
    // The search (an address) is posted, never put in the URL.
    await expect(page.getByRole('main').getByRole('rowheader')).toHaveCount(1);
    await expect(page).toHaveURL((url) => url.pathname === '/coordination/comptes' && url.search === '');
    await expect(page.getByLabel('Rechercher par nom ou adresse e-mail', { exact: true })).toHaveValue(learner.email);

    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: learner.displayName, exact: true }) });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(learner.email);
    await expect(row).toContainText(DEMO_STRUCTURE);
    await expect(page.getByRole('main').getByRole('rowheader')).toHaveCount(1);
    const roleSelect = row.getByRole('combobox', { name: `Rôle de ${learner.displayName}`, exact: true });
    await expect(roleSelect.locator('option:checked')).toHaveText('Apprenant·e');
    await expect(row.getByRole('button', { name: 'Désactiver', exact: true })).toBeVisible();
    await expectAccessible(page);

    await roleSelect.selectOption({ label: 'Formateur·rice' });
    const roleChanged = page.waitForResponse(
      (response) => response.url().includes('/api/accounts/change_role') && response.request().method() === 'POST',
    );
    await row.getByRole('button', { name: 'Modifier le rôle', exact: true }).click();
    const response = await roleChanged;
    expect(response.status(), 'the role change must succeed (2xx, or a redirect for a plain form post)').toBeLessThan(
      400,
    );
    // The server function redirects to the list, the search kept (in a private cookie, not the URL).
    await expect(page).toHaveURL((url) => url.pathname === '/coordination/comptes');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(row).toHaveCount(1);
    await expect(roleSelect.locator('option:checked')).toHaveText('Formateur·rice');
    await expectAccessible(page);

    // What the coordinator now sees must match a fresh load of the same URL
    // (server-rendered, in a second tab): the change is stored, and no other
    // row shows a role it does not have.
    const freshTab = await page.context().newPage();
    try {
      await freshTab.goto(page.url());
      const freshRoles = await displayedRoles(freshTab);
      expect(freshRoles).toContain(`${learner.displayName} <${learner.email}>: Formateur·rice`);
      await expect
        .poll(() => displayedRoles(page), {
          message: 'roles shown after « Modifier le rôle » must match a fresh load of the list',
        })
        .toEqual(freshRoles);
    } finally {
      await freshTab.close();
    }

    await signOut(page);

    // Back as the learner, now a trainer.
    await signIn(page, learner.email, learner.password);
    await expectLearnerSpace(page, learner, 'Formateur·rice', 'Mes sessions');
    await expect(mainNavigation(page).getByRole('link', { name: 'Mon espace', exact: true })).toHaveCount(0);
  });
});

test.describe('accounts: sign-up validation', () => {
  // With JavaScript, the server function answers invalid input with 422.
  test.use({ expectedResourceStatuses: [{ path: '/api/accounts/sign_up', status: 422 }] });

  test('sign-up with a too short password shows the error and stays on the form', async ({ page, visit }, testInfo) => {
    const learner = newLearner(testInfo, 'court');

    await visit('/inscription');
    await expect(heading1(page, 'Créer un compte')).toBeVisible();
    await expectAccessible(page);

    await fillSignUpForm(page, learner);
    await submitSignUp(page);

    await expect(page.getByRole('alert')).toContainText('au moins 8 caractères');
    await expect(page).toHaveURL((url) => url.pathname.startsWith('/inscription'));
    await expect(heading1(page, 'Créer un compte')).toBeVisible();
    await expectSignedOut(page);
    await expectAccessible(page);
  });
});

test.describe('accounts: erasure', () => {
  test('a learner asks for erasure; the coordinator sees it on their home page and confirms it', async ({
    page,
    visit,
  }, testInfo) => {
    test.setTimeout(180_000);
    const learner = newLearner(testInfo);
    await visit('/inscription');
    await expect(heading1(page, 'Créer un compte')).toBeVisible();
    await expectAccessible(page);
    await fillSignUpForm(page, learner);
    await submitSignUp(page);
    await expectLearnerSpace(page, learner, 'Apprenant·e', 'Mon espace');

    await banner(page).getByRole('link', { name: learner.displayName, exact: true }).click();
    await expect(page).toHaveURL((url) => url.pathname === '/profil');
    await expect(
      page.getByRole('main').getByRole('button', { name: 'Demander l’effacement de mon compte', exact: true }),
    ).toBeVisible();
    await expectAccessible(page);

    // Before asking, they read everything kept about them, then download it.
    await page.getByRole('main').getByRole('link', { name: 'Consulter mes données', exact: true }).click();
    await expect(heading1(page, 'Mes données')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Profil', exact: true })).toContainText(learner.email);
    await expect(page.getByRole('region', { name: 'Inscriptions', exact: true })).toContainText('Aucune donnée.');
    await expect(
      page.getByRole('region', { name: 'Ce qui est conservé et jusqu’à quand', exact: true }).getByRole('table'),
    ).toBeVisible();
    await expectAccessible(page);
    const download = await page.request.get('/mes-donnees');
    expect(download.status()).toBe(200);
    expect(download.headers()['cache-control']).toContain('no-store');
    const document = await download.json();
    expect(document.profil.adresse_email).toBe(learner.email);
    expect(document.profil.nom).toBe(learner.displayName);
    await page.getByRole('main').getByRole('link', { name: 'Mon profil', exact: true }).click();
    await expect(page).toHaveURL((url) => url.pathname === '/profil');

    await page.getByRole('main').getByRole('button', { name: 'Demander l’effacement de mon compte', exact: true }).click();
    await expect(
      page.getByText('Votre demande d’effacement a été transmise à la coordination, qui la confirmera.'),
    ).toBeVisible();
    await expectAccessible(page);
    await signOut(page);

    // The coordinator's home says a request waits, and leads to « Comptes ».
    await signIn(page, COORDINATOR.email, COORDINATOR.password);
    await expect(page.getByRole('main').getByText(/d’effacement de compte attend(ent)? votre confirmation/)).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('main').getByRole('link', { name: 'Voir les demandes dans « Comptes »', exact: true }).click();
    await expect(heading1(page, 'Comptes')).toBeVisible();
    // Pending requests head the list.
    await expect(page.getByRole('main').locator('tbody tr').first()).toContainText('Effacement demandé');
    await expectAccessible(page);

    await page.getByLabel('Rechercher par nom ou adresse e-mail', { exact: true }).fill(learner.email);
    await page.getByRole('main').getByRole('button', { name: 'Rechercher', exact: true }).click();
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: learner.displayName, exact: true }) });
    await expect(row).toContainText('Effacement demandé');
    await row
      .getByRole('checkbox', { name: `Je confirme l’effacement définitif du compte de ${learner.displayName}`, exact: true })
      .check();
    await row.getByRole('button', { name: 'Confirmer l’effacement', exact: true }).click();
    await expect(page.getByText('Le compte a été effacé : l’identité de la personne n’est plus conservée.')).toBeVisible();
    // Nothing answers to the address any more.
    await expect(page.getByRole('main').getByRole('rowheader')).toHaveCount(0);
    await expectAccessible(page);
  });
});
