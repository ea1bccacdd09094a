import { constants, inflateSync } from 'node:zlib';
import type { Locator, Page } from '@playwright/test';
import { fillSlots, parisDate, signOut, type Visit } from './demo';
import { test, expect, expectAccessible } from './fixtures';
import { waitForMessage } from './mailbox';

/**
 * A real year through the interface, from an empty database (issue #16).
 *
 * `.ci/e2e` starts one server per project on an empty database, where the
 * command line (`relais create-coordinator`) created the first coordinator
 * and nothing else. Through the web interface only: a future trainer signs
 * up and the coordinator promotes them; the coordinator installs the starter
 * content, publishes the crisis module (its lessons and quiz first) and
 * enters the year's programme; the trainer plans a session of two half-days
 * with two places; three learners enrol (the third lands on the waiting
 * list), one answers the self-assessment before; the session took place
 * yesterday, the trainer signs both roll calls and the session becomes
 * « Réalisée » by itself; the trainer issues the certificates, the learners
 * answer after, the coordinator revokes one certificate (the holder is told,
 * `/verifier` says so), and the coordinator's home and indicators show
 * exactly that year. Runs with JavaScript on and off, axe-core on every page.
 */

const COORDINATOR = {
  email: process.env.RELAIS_EMPTY_COORDINATOR_EMAIL ?? '',
  password: process.env.RELAIS_EMPTY_COORDINATOR_PASSWORD ?? '',
};

/** The empty server of each project. */
const EMPTY_SERVERS: Record<string, string | undefined> = {
  'chromium-js': process.env.RELAIS_EMPTY_URL_JS,
  'chromium-nojs': process.env.RELAIS_EMPTY_URL_NOJS,
};

const CRISIS = 'Prévention et gestion des situations de crise';
/** The self-assessment item the coordinator reports on. */
const CRISIS_ITEM =
  'Je me sens capable de repérer, prévenir et gérer une situation de crise liée à la santé mentale d’une personne que j’accompagne.';
const PLANNED = 3;
const PASSWORD = 'une phrase de passe solide';

type Person = { name: string; email: string; profession: string; sector: string; structure: string };

/** The people of the journey; addresses differ per project (both servers share one SMTP server). */
function cast(project: string) {
  const tag = project === 'chromium-js' ? 'js' : 'nojs';
  const person = (name: string, local: string, profession: string, sector: string, structure: string): Person => ({
    name,
    email: `${local}.${tag}@exemple.fr`,
    profession,
    sector,
    structure,
  });
  return {
    trainer: person('Dominique Formatrice', 'dominique.formatrice', 'Infirmière', 'Soin', 'CMP de Metz-Nord'),
    alice: person('Alice Martin', 'alice.martin', 'Assistante sociale', 'Action sociale', 'CCAS de Metz'),
    bruno: person('Bruno Petit', 'bruno.petit', 'Conseiller logement', 'Logement et hébergement', 'Metz Habitat Territoire'),
    chloe: person('Chloé Durand', 'chloe.durand', 'Agente d’accueil', 'Institutions et collectivités', 'Mairie de Metz'),
  };
}

function mainNavigation(page: Page) {
  return page.getByRole('navigation', { name: 'Navigation principale', exact: true });
}

async function signIn(page: Page, visit: Visit, email: string, password: string) {
  await visit('/connexion');
  await expectAccessible(page);
  await page.getByLabel('Adresse e-mail (obligatoire)').fill(email);
  await page.getByLabel('Mot de passe (obligatoire)').fill(password);
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === '/mon-espace');
  await expect(page.getByRole('heading', { level: 1, name: /^Bonjour / })).toBeVisible();
  await expectAccessible(page);
}

/** Creates a learner's account, typing in a structure that is not in the list yet. */
async function signUp(page: Page, visit: Visit, p: Person) {
  await visit('/inscription');
  await expectAccessible(page);
  const main = page.getByRole('main');
  await main.getByLabel('Prénom et nom (obligatoire)', { exact: true }).fill(p.name);
  await main.getByLabel('Adresse e-mail (obligatoire)', { exact: true }).fill(p.email);
  await main.getByLabel('Mot de passe (obligatoire)', { exact: true }).fill(PASSWORD);
  await main.getByLabel('Profession', { exact: true }).fill(p.profession);
  await main.getByLabel('Secteur d’activité (obligatoire)', { exact: true }).selectOption({ label: p.sector });
  await main.getByLabel('Autre structure', { exact: true }).fill(p.structure);
  await main.getByRole('checkbox', { name: /^J’accepte que mes données soient utilisées/ }).check();
  await main.getByRole('button', { name: 'Créer un compte', exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === '/mon-espace');
  await expect(page.getByRole('heading', { level: 1, name: `Bonjour ${p.name}` })).toBeVisible();
  await expect(page.getByText(/^Confirmez votre adresse e-mail/)).toBeVisible();
  await expectAccessible(page);

  // The address is confirmed through the link Relais sends to it (the link
  // opens a page; its button confirms).
  const mail = await waitForMessage(p.email, /confirmez votre adresse e-mail/);
  const link = /https?:\/\/\S+\/adresse\/confirmer\?jeton=[\w-]+/.exec(mail.text || '')?.[0];
  expect(link, `the confirmation link sent to ${p.email}`).toBeDefined();
  const url = new URL(link!);
  await visit(url.pathname + url.search);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Confirmer mon adresse', exact: true }).click();
  await expect(page.getByText('Votre adresse e-mail est confirmée.', { exact: false })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('main').getByRole('link', { name: 'Aller à mon espace', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Bonjour ${p.name}` })).toBeVisible();
  await expect(page.getByText(/^Confirmez votre adresse e-mail/)).toHaveCount(0);
  await expectAccessible(page);
}

/** Answers every item of the questionnaire shown: `likert` on each scale, « Oui » to yes / no questions. */
async function answerAll(page: Page, likert: number, comment?: string) {
  const groups = page.locator('main form fieldset');
  await expect(groups.first()).toBeVisible();
  const count = await groups.count();
  for (let i = 0; i < count; i++) {
    const group = groups.nth(i);
    const scale = group.getByRole('radio', { name: new RegExp(`^${likert} — `) });
    if ((await scale.count()) > 0) await scale.check();
    else await group.getByRole('radio', { name: 'Oui', exact: true }).check();
  }
  if (comment) await page.getByLabel('Que faudrait-il améliorer ?').fill(comment);
  await page.getByRole('button', { name: 'Envoyer mes réponses', exact: true }).click();
}

/** The value shown in the « Statut » line of a session's page. */
function sessionStatus(page: Page) {
  return page.locator('dl.facts dt:text-is("Statut") + dd');
}

/** The row of `table` whose header cell is `label`. */
function row(table: Locator, label: string) {
  return table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name: label, exact: true }) });
}

/** Expects the data cells of the row `label` of `table` to read `values`. */
async function expectRow(table: Locator, label: string, values: (string | RegExp)[]) {
  await expect(row(table, label).getByRole('cell')).toHaveText(values);
}

/**
 * The path of the public verification page a certificate PDF points to: the
 * address is a link of the PDF, found in its raw bytes or in one of its
 * deflated streams.
 */
function verificationPath(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const texts = [raw];
  const streams = /(?<!end)stream\r?\n/g;
  for (let m = streams.exec(raw); m; m = streams.exec(raw)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    try {
      texts.push(inflateSync(pdf.subarray(start, end), { finishFlush: constants.Z_SYNC_FLUSH }).toString('latin1'));
    } catch {
      // Not a deflated stream (an image, a font in another encoding).
    }
  }
  for (const text of texts) {
    const found = /\/verifier\/[A-Za-z0-9_-]+/.exec(text);
    if (found) return found[0];
  }
  throw new Error('no /verifier/ address in the certificate PDF');
}

/** Waits for `to`'s certificate by email and returns its verification page's path. */
async function certificateVerification(to: string): Promise<string> {
  // Not the revocation notice, « … de réalisation est révoqué — … ».
  const mail = await waitForMessage(to, /votre certificat de réalisation — /);
  const pdf = mail.attachments.find((a) => a.contentType === 'application/pdf');
  expect(pdf, `the certificate message to ${to} carries the PDF`).toBeDefined();
  return verificationPath(pdf!.content);
}

test.describe('a year from an empty database', () => {
  test.use({ baseURL: async ({}, use, testInfo) => use(EMPTY_SERVERS[testInfo.project.name] ?? '') });

  test('first coordinator by the command line, then a whole year through the interface', async ({ page, visit }, testInfo) => {
    test.skip(
      !EMPTY_SERVERS[testInfo.project.name] || !COORDINATOR.email,
      'needs the empty servers that .ci/e2e starts (RELAIS_EMPTY_URL_JS / _NOJS, RELAIS_EMPTY_COORDINATOR_*)',
    );
    // Ten sign-ins and some eighty pages, each checked by axe: 2.5 minutes
    // with JavaScript and 3.5 without on two cores, more while the other
    // suites run (Playwright's slow-test allowance, 6 minutes, is too tight).
    test.setTimeout(600_000);
    const js = testInfo.project.name === 'chromium-js';
    const { trainer, alice, bruno, chloe } = cast(testInfo.project.name);
    const year = parisDate(0).slice(0, 4);
    const title = `Crise — groupe de l’année (${testInfo.project.name})`;
    const later = parisDate(30);
    const yesterday = parisDate(-1);
    let path = '';

    await test.step('the future trainer creates an account', async () => {
      await signUp(page, visit, trainer);
      await expect(page.getByRole('main')).toContainText('Vous êtes connecté·e en tant que Apprenant·e.');
      await signOut(page);
    });

    await test.step('the coordinator installs the starter content and publishes the crisis module', async () => {
      await signIn(page, visit, COORDINATOR.email, COORDINATOR.password);
      await mainNavigation(page).getByRole('link', { name: 'Formations', exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Les formations' })).toBeVisible();
      await expect(page.getByRole('heading', { level: 2, name: 'Démarrer avec le contenu de départ' })).toBeVisible();
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Installer le contenu de départ', exact: true }).click();
      await expect(page).toHaveURL((url) => url.pathname === '/formations' && url.searchParams.get('contenu') === 'installe');
      await expect(page.getByText(/^Contenu de départ installé/).first()).toBeVisible();
      await expect(page.getByRole('button', { name: 'Installer le contenu de départ', exact: true })).toHaveCount(0);
      await expectAccessible(page);

      await mainNavigation(page).getByRole('link', { name: 'Atelier', exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Atelier' })).toBeVisible();
      const modules = page.getByRole('table', { name: '3 module(s), dans l’ordre du catalogue' });
      await expect(row(modules, CRISIS)).toContainText('Brouillon');
      await expectAccessible(page);

      // A module is published once at least one of its lessons is: the
      // coordinator publishes its lessons and its quiz, then the module.
      await row(modules, CRISIS).getByRole('link', { name: CRISIS, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: CRISIS })).toBeVisible();
      await expectAccessible(page);
      // The starter's crisis module: four lessons and one quiz. The page is
      // redrawn after each publication, so every wait names the state it
      // expects (a count read with `count()` could catch a redraw).
      for (const [list, count] of [['Leçons', 4], ['Quiz', 1]] as const) {
        const items = page.getByRole('list', { name: list, exact: true });
        const drafts = items.getByRole('button', { name: /^Publier « / });
        await expect(drafts, `draft items in « ${list} »`).toHaveCount(count);
        for (let left = count - 1; left >= 0; left--) {
          const label = ((await drafts.first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
          const item = label.replace(/^Publier /, '');
          await drafts.first().click();
          await expect(items.getByRole('button', { name: `Retirer de la publication ${item}`, exact: true })).toBeVisible();
          await expect(drafts).toHaveCount(left);
        }
      }
      await expect(page.getByRole('list', { name: 'Leçons', exact: true }).getByText('Brouillon')).toHaveCount(0);
      await expectAccessible(page);
      await page.getByRole('navigation', { name: 'Fil d’Ariane' }).getByRole('link', { name: 'Atelier', exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Atelier' })).toBeVisible();
      await row(modules, CRISIS).getByRole('button', { name: `Publier « ${CRISIS} »`, exact: true }).click();
      await expect(row(modules, CRISIS).getByRole('button', { name: `Retirer de la publication « ${CRISIS} »` })).toBeVisible();
      await expect(row(modules, CRISIS)).toContainText('Publié');
      await expectAccessible(page);
    });

    await test.step('the coordinator enters the year’s programme', async () => {
      await mainNavigation(page).getByRole('link', { name: 'Programme', exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Programme de l’année' })).toBeVisible();
      await expect(page.getByRole('heading', { level: 2, name: `Programme ${year}` })).toBeVisible();
      await expectAccessible(page);
      await page.getByLabel(`${CRISIS} : sessions prévues`).fill(String(PLANNED));
      await page.getByLabel('Note (facultative)').fill('Trois sessions financées par le contrat local de santé.');
      await page.getByRole('button', { name: 'Enregistrer le programme', exact: true }).click();
      await expect(page).toHaveURL((url) => url.searchParams.get('enregistre') === '1');
      await expect(page.getByText('Programme enregistré.')).toBeVisible();
      await expect(page.getByLabel(`${CRISIS} : sessions prévues`)).toHaveValue(String(PLANNED));
      await expectAccessible(page);
    });

    await test.step('the coordinator promotes the trainer', async () => {
      await mainNavigation(page).getByRole('link', { name: 'Comptes', exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Comptes' })).toBeVisible();
      await expectAccessible(page);
      await page.getByLabel('Rechercher par nom ou adresse e-mail', { exact: true }).fill(trainer.email);
      await page.getByRole('main').getByRole('button', { name: 'Rechercher', exact: true }).click();
      await expect(page).toHaveURL((url) => !url.href.includes(trainer.email));
      await expect(page.getByRole('main').getByRole('rowheader')).toHaveCount(1);
      await expectAccessible(page);
      const account = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: trainer.name, exact: true }) });
      await account.getByRole('combobox', { name: `Rôle de ${trainer.name}`, exact: true }).selectOption({ label: 'Formateur·rice' });
      await account.getByRole('button', { name: 'Modifier le rôle', exact: true }).click();
      await expect(page).toHaveURL((url) => url.searchParams.get('role') === '1');
      await expect(page.getByText('Le rôle a été modifié.')).toBeVisible();
      await expect(
        account.getByRole('combobox', { name: `Rôle de ${trainer.name}`, exact: true }).locator('option:checked'),
      ).toHaveText('Formateur·rice');
      await expectAccessible(page);
      await signOut(page);
    });

    await test.step('the trainer plans a session of two half-days with two places', async () => {
      await signIn(page, visit, trainer.email, PASSWORD);
      await expect(page.getByRole('main')).toContainText('Vous êtes connecté·e en tant que Formateur·rice.');
      await page.getByRole('main').getByRole('link', { name: 'Planifier une session', exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Planifier une session' })).toBeVisible();
      await expectAccessible(page);
      await page.getByLabel('Module (obligatoire)').selectOption({ label: CRISIS });
      await page.getByLabel('Titre de la session (obligatoire)').fill(title);
      await page.getByLabel('Présentiel', { exact: true }).check();
      await page.getByLabel('Adresse', { exact: true }).fill('Maison des associations, 1 rue du Pont-Rouge, 57000 Metz');
      await page.getByLabel('Salle', { exact: true }).fill('Salle Verlaine');
      await page.getByLabel('Capacité, en places (obligatoire)').fill('2');
      await page.getByLabel('Année du programme (obligatoire)').fill(year);
      await fillSlots(page, [
        { day: later, halfDay: 'Matin' },
        { day: later, halfDay: 'Après-midi' },
      ]);
      await page.getByRole('button', { name: 'Planifier la session', exact: true }).click();
      await expect(page).toHaveURL(/\/sessions\/\d+$/);
      await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
      await expect(sessionStatus(page)).toHaveText('Prévue');
      await expect(page.getByText('2 place(s) restante(s) sur 2')).toBeVisible();
      await expectAccessible(page);
      path = new URL(page.url()).pathname;
      await signOut(page);
    });

    /** A learner signs up, finds the session in the list and opens it. */
    async function openSessionAs(p: Person) {
      await signUp(page, visit, p);
      await mainNavigation(page).getByRole('link', { name: 'Sessions', exact: true }).click();
      await expect(page).toHaveURL((url) => url.pathname === '/sessions');
      await expectAccessible(page);
      await page.getByRole('main').getByRole('link', { name: title, exact: true }).first().click();
      await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
      await expect(page).toHaveURL((url) => url.pathname === path);
      await expectAccessible(page);
    }

    await test.step('two learners enrol, the first answers the self-assessment before; the third waits', async () => {
      await openSessionAs(alice);
      await page.getByRole('button', { name: 'M’inscrire', exact: true }).click();
      await expect(page.getByText('Inscription confirmée', { exact: true })).toBeVisible();
      await expectAccessible(page);
      await page.getByRole('link', { name: 'Mon auto-évaluation et mes questionnaires', exact: true }).click();
      await expect(page.getByRole('heading', { level: 2, name: 'Auto-évaluation avant la formation' })).toBeVisible();
      await expectAccessible(page);
      await answerAll(page, 2);
      await expect(page.getByText('Auto-évaluation avant la formation : répondue')).toBeVisible();
      await expectAccessible(page);
      await signOut(page);

      await openSessionAs(bruno);
      await page.getByRole('button', { name: 'M’inscrire', exact: true }).click();
      await expect(page.getByText('Inscription confirmée', { exact: true })).toBeVisible();
      await expect(page.getByText('Complet — liste d’attente (0 personne(s) en attente)')).toBeVisible();
      await expectAccessible(page);
      await signOut(page);

      await openSessionAs(chloe);
      await page.getByRole('button', { name: 'M’inscrire sur la liste d’attente', exact: true }).click();
      await expect(page.getByText('Sur liste d’attente', { exact: true })).toBeVisible();
      await expect(page.getByText('Complet — liste d’attente (1 personne(s) en attente)')).toBeVisible();
      await expectAccessible(page);
      await signOut(page);
    });

    await test.step('the session took place yesterday: the trainer signs both roll calls and it becomes held by itself', async () => {
      await signIn(page, visit, trainer.email, PASSWORD);
      await visit(path);
      await expectAccessible(page);
      await page.getByRole('link', { name: 'Modifier la session', exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: `Modifier « ${title} »` })).toBeVisible();
      await expectAccessible(page);
      await fillSlots(page, [
        { day: yesterday, halfDay: 'Matin' },
        { day: yesterday, halfDay: 'Après-midi' },
      ]);
      await page.getByRole('button', { name: 'Enregistrer les modifications', exact: true }).click();
      await expect(page).toHaveURL((url) => url.pathname === path && url.searchParams.get('modifiee') === '1');
      await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
      await expectAccessible(page);

      // Over but not signed: « à clôturer » on the trainer's home.
      await mainNavigation(page).getByRole('link', { name: 'Mes sessions', exact: true }).click();
      await expect(page.getByRole('heading', { level: 2, name: 'Sessions à clôturer' })).toBeVisible();
      const toClose = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title, exact: true }) });
      await expect(toClose).toContainText('2 appels à signer');
      await expectAccessible(page);
      await toClose.getByRole('link', { name: title, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
      await expect(sessionStatus(page)).toHaveText('Prévue');
      await expect(page.getByRole('table', { name: 'Inscriptions confirmées : 2' })).toBeVisible();
      await expect(page.getByRole('table', { name: 'Liste d’attente (par ordre d’inscription) : 1' })).toContainText(chloe.name);
      await expectAccessible(page);

      for (const [i, status] of (['Prévue', 'Réalisée'] as const).entries()) {
        await page.getByRole('link', { name: /^Appel du / }).nth(i).click();
        await expect(page.getByRole('heading', { level: 1, name: 'Appel' })).toBeVisible();
        if (js) await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
        await expectAccessible(page);
        const rows = page.getByRole('group', { name: /^Présence de / });
        await expect(rows).toHaveCount(2);
        for (let r = 0; r < 2; r++) {
          await rows.nth(r).getByRole('button', { name: 'Présent·e', exact: true }).click();
          await expect(rows.nth(r).getByRole('button', { name: 'Présent·e', exact: true })).toHaveAttribute('aria-pressed', 'true');
        }
        if (js) await expect(page.getByRole('status').filter({ hasText: 'Enregistré' })).toHaveCount(2);
        await expectAccessible(page);
        await page.getByRole('button', { name: 'Signer l’appel de cette demi-journée', exact: true }).click();
        await expect(page.getByText(/Appel signé le/)).toBeVisible();
        await expectAccessible(page);
        await page.getByRole('navigation', { name: 'Fil d’Ariane' }).getByRole('link', { name: title, exact: true }).click();
        await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
        // Signing the last roll call of a session that is over makes it held.
        await expect(sessionStatus(page)).toHaveText(status);
        await expectAccessible(page);
      }
      await expect(page.getByRole('link', { name: 'Corriger la session réalisée', exact: true })).toHaveCount(0);

      await mainNavigation(page).getByRole('link', { name: 'Mes sessions', exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: /^Bonjour / })).toBeVisible();
      await expect(page.getByRole('heading', { level: 2, name: 'Sessions à clôturer' })).toHaveCount(0);
      await expectAccessible(page);
    });

    await test.step('the trainer issues the certificates', async () => {
      await visit(path);
      await expectAccessible(page);
      await page.getByRole('link', { name: 'Éligibilité et délivrance des certificats', exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Certificats de réalisation' })).toBeVisible();
      await expect(page.getByRole('heading', { level: 2, name: 'Participant·es confirmé·es : 2 — éligibles : 2' })).toBeVisible();
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Délivrer les certificats', exact: true }).click();
      await expect(page.getByText('Chaque participant·e éligible a son certificat à jour.')).toBeVisible();
      await expectAccessible(page);
      await visit(`${path}/certificats`);
      for (const p of [alice, bruno]) {
        await expect(page.getByRole('row').filter({ hasText: p.name }).getByRole('link', { name: /^RELAIS-\d{4}-\d{6}$/ })).toBeVisible();
      }
      await expectAccessible(page);
      await signOut(page);
    });

    await test.step('the learners answer after the course', async () => {
      // Alice: before 2, after 5, then the évaluation à chaud.
      await signIn(page, visit, alice.email, PASSWORD);
      await expect(
        page.getByRole('link', { name: `Certificat de réalisation — ${CRISIS} (PDF)`, exact: true }),
      ).toBeVisible();
      await visit(`${path}/auto-evaluation`);
      await expect(page.getByRole('heading', { level: 2, name: 'Auto-évaluation après la formation' })).toBeVisible();
      await expectAccessible(page);
      await answerAll(page, 5);
      await expect(page.getByRole('heading', { level: 2, name: 'Évaluation à chaud' })).toBeVisible();
      const mine = page.getByRole('table', { name: 'Mon auto-évaluation, avant et après' });
      await expectRow(mine, CRISIS_ITEM, ['2 sur 5', '5 sur 5']);
      await expectAccessible(page);
      await answerAll(page, 4, 'Davantage de mises en situation.');
      await expect(page.getByText('Évaluation à chaud : répondue')).toBeVisible();
      await expectAccessible(page);
      await signOut(page);

      // Bruno: after only, 3 on every item.
      await signIn(page, visit, bruno.email, PASSWORD);
      await visit(`${path}/auto-evaluation`);
      await expect(page.getByRole('heading', { level: 2, name: 'Auto-évaluation après la formation' })).toBeVisible();
      await expectAccessible(page);
      await answerAll(page, 3);
      await expect(page.getByText('Auto-évaluation après la formation : répondue')).toBeVisible();
      await expectRow(page.getByRole('table', { name: 'Mon auto-évaluation, avant et après' }), CRISIS_ITEM, ['—', '3 sur 5']);
      await expectAccessible(page);
      await signOut(page);
    });

    await test.step('the coordinator sees the session held against the programme', async () => {
      await signIn(page, visit, COORDINATOR.email, COORDINATOR.password);
      const programme = page.getByRole('table', { name: `Sessions ${year} par module, au regard du programme prévisionnel` });
      // Au programme, réalisées, prévues, annulées, reste à planifier.
      await expectRow(programme, CRISIS, [String(PLANNED), '1', '0', '0', String(PLANNED - 1)]);
      await expect(page.getByRole('heading', { level: 2, name: 'Sessions à clôturer' })).toHaveCount(0);
      await expectAccessible(page);
    });

    await test.step('the coordinator revokes one certificate; the holder is told and /verifier says so', async () => {
      await visit(`${path}/certificats`);
      await expectAccessible(page);
      const line = page.getByRole('row').filter({ hasText: bruno.name });
      const number = (await line.getByRole('link', { name: /^RELAIS-\d{4}-\d{6}$/ }).textContent()) ?? '';
      await line.getByText(`Révoquer le certificat ${number}…`, { exact: true }).click();
      const reason = 'Certificat délivré par erreur : la seconde demi-journée a été suivie dans un autre groupe.';
      await line.getByLabel('Motif de la révocation (obligatoire)').fill(reason);
      await line.getByLabel(/^Je confirme la révocation/).check();
      await line.getByRole('button', { name: 'Révoquer le certificat', exact: true }).click();
      await expect(page).toHaveURL((url) => url.searchParams.get('revoque') === '1');
      await expect(page.getByText('Certificat révoqué : son ou sa titulaire en est informé·e par courriel.')).toBeVisible();
      await expect(line).toContainText(/Révoqué le /);
      await expect(page.getByRole('link', { name: 'Télécharger les 1 certificat(s) (ZIP)', exact: true })).toBeVisible();
      await expectAccessible(page);

      const notice = await waitForMessage(bruno.email, /certificat de réalisation est révoqué/);
      expect(notice.text ?? '').toContain(number);
      expect(notice.text ?? '').toContain(reason);

      const revoked = await certificateVerification(bruno.email);
      await visit(revoked);
      await expect(page.getByRole('heading', { level: 1, name: 'Vérification d’un certificat de réalisation' })).toBeVisible();
      await expect(page.getByRole('alert')).toContainText('Certificat révoqué.');
      await expect(page.getByRole('main')).toContainText(bruno.name);
      await expect(page.getByRole('main')).not.toContainText(reason);
      await expectAccessible(page);

      const valid = await certificateVerification(alice.email);
      await visit(valid);
      await expect(page.getByText('Ce certificat est authentique', { exact: false })).toBeVisible();
      await expect(page.getByRole('main')).toContainText(alice.name);
      await expectAccessible(page);
    });

    await test.step('the journal shows the session held by the system and the revocation', async () => {
      await visit(`/coordination/journal?session=${path.split('/').pop()}`);
      const journal = page.getByRole('table', { name: /^Actions enregistrées/ });
      await expect(row(journal, 'Session réalisée')).toContainText('Système');
      await expect(row(journal, 'Certificat révoqué')).toHaveCount(1);
      await expectAccessible(page);
    });

    await test.step('the indicators show exactly what happened', async () => {
      await mainNavigation(page).getByRole('link', { name: 'Indicateurs', exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Indicateurs du contrat local de santé' })).toBeVisible();
      const table = (name: string) => page.getByRole('table', { name, exact: true });
      // Held 1 of the 3 planned.
      await expectRow(table(`Sessions ${year} par module, au regard du programme`), CRISIS, [String(PLANNED), '1', '0', '0']);
      await expectRow(table(`Sessions ${year} par modalité`), 'Présentiel', ['1', '0', '0']);
      // Two people trained, two half-days of 3 h 30 each: 14 trainee-hours; the waiting list does not count.
      const participation = table(`Participation ${year}`);
      await expectRow(participation, 'Inscriptions confirmées', ['2']);
      await expectRow(participation, 'Au moins une demi-journée suivie', ['2']);
      await expectRow(participation, 'Toutes les demi-journées suivies', ['2']);
      await expectRow(participation, 'Personnes formées', ['2']);
      await expectRow(participation, 'Heures-stagiaires', ['14,0']);
      // Typology as declared at enrolment; cells under 5 people are masked.
      for (const [name, labels] of [
        [`Personnes formées en ${year} par secteur`, [alice.sector, bruno.sector]],
        [`Personnes formées en ${year} par profession`, [alice.profession, bruno.profession]],
        [`Personnes formées en ${year} par structure`, [alice.structure, bruno.structure]],
      ] as const) {
        await expect(table(name).getByRole('rowheader')).toHaveText([...labels].sort());
        for (const label of labels) await expectRow(table(name), label, ['< 5', '—']);
      }
      // The crisis figure: Alice 2 → 5, Bruno 3 after only.
      await expect(page.locator('#crise-titre ~ .key-figure')).toHaveText(
        '1 personne(s) sur 2 ayant répondu après la formation déclarent savoir prévenir et gérer une situation de crise (4 ou 5 sur 5) ; 1 sont en progrès par rapport à leur auto-évaluation avant la formation.',
      );
      const crisis = table(`Prévention et gestion des situations de crise, ${year}`);
      await expectRow(crisis, 'Déclarent savoir prévenir et gérer une crise (4 ou 5 sur 5)', ['1']);
      await expectRow(crisis, 'Part des répondants (%)', [/^50\s%$/]);
      await expectRow(crisis, 'Réponses après la formation', ['2']);
      await expectRow(crisis, 'Taux de réponse (%)', [/^100\s%$/]);
      await expectRow(crisis, 'Réponses avant et après', ['1']);
      await expectRow(crisis, 'En progrès par rapport à avant', ['1']);
      const satisfaction = table(`Satisfaction, ${year}`);
      await expectRow(satisfaction, 'Réponses à chaud', ['1']);
      await expectRow(satisfaction, 'Satisfaction globale (sur 5)', ['4,0']);
      await expectRow(satisfaction, 'Recommanderaient (%)', [/^100\s%$/]);
      const partners = table(`Partenaires impliqués, ${year}`);
      await expectRow(partners, 'Structures avec au moins une personne formée', ['2']);
      await expectRow(partners, 'Dont nouvelles structures', ['2']);
      // This year in the trend: 1 session held, 2 people trained, 14 hours, 1 able to handle a crisis.
      await expect(row(table('Évolution par année'), year).getByRole('cell').nth(0)).toHaveText('1');
      await expect(row(table('Évolution par année'), year).getByRole('cell').nth(1)).toHaveText('2');
      await expect(row(table('Évolution par année'), year).getByRole('cell').nth(2)).toHaveText('14,0');
      await expect(row(table('Évolution par année'), year).getByRole('cell').nth(3)).toHaveText('1');
      await expectAccessible(page);
    });
  });
});
