import type { Page } from '@playwright/test';
import { addLearners, fillSlots, parisDate, planSession, signIn, signOut, TRAINER } from './demo';
import { test, expect, expectAccessible } from './fixtures';
import { waitForMessage } from './mailbox';

/**
 * Assessment and certificates, end to end: a learner answers the
 * self-assessment before the course, attends (roll call), answers after and
 * à chaud; the trainer sees the cohort's figures, issues the cohort's
 * certificates; the learner receives theirs by email with the PDF and
 * downloads it from « Mon espace ». Runs with JavaScript on and off.
 */

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

test('a learner answers before and after, attends, and receives the certificate the trainer issues', async ({ page, visit }, testInfo) => {
  // The whole journey (two people, four forms, a roll call, a certificate)
  // takes about two minutes without JavaScript on two busy cores: give it
  // Playwright's slow-test allowance (three times the default limit).
  test.slow();
  const js = testInfo.project.name === 'chromium-js';
  const learner = js ? 'apprenant11@demo.relais.fr' : 'apprenant12@demo.relais.fr';
  const title = `Parcours complet (${testInfo.project.name})`;
  // Tomorrow and yesterday, whatever the hour: planned for tomorrow morning,
  // the session has not started; moved to yesterday, it is over.
  const tomorrow = parisDate(1);
  const yesterday = parisDate(-1);

  // The session is planned for tomorrow; the learner is enrolled.
  await signIn(page, visit, TRAINER);
  const path = await planSession(page, visit, title, [{ day: tomorrow, halfDay: 'Matin', start: '09:00', end: '12:00' }]);
  await addLearners(page, [learner]);
  await signOut(page);

  // Before the course: the self-assessment « avant ».
  await signIn(page, visit, learner);
  await visit(`${path}/auto-evaluation`);
  await expect(page.getByRole('heading', { level: 2, name: 'Auto-évaluation avant la formation' })).toBeVisible();
  await expectAccessible(page);
  await answerAll(page, 2);
  await expect(page.getByText('Auto-évaluation avant la formation : répondue')).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  // The session is brought forward to yesterday (it is over); the trainer takes the roll call.
  await signIn(page, visit, TRAINER);
  await visit(`${path}/modifier`);
  await expectAccessible(page);
  await fillSlots(page, [{ day: yesterday, halfDay: 'Matin', start: '09:00', end: '12:00' }]);
  await page.getByRole('button', { name: 'Enregistrer les modifications', exact: true }).click();
  // The session page, with its « Session modifiée. » notice (the edit page has the same heading).
  await expect(page).toHaveURL((url) => url.pathname === path && url.searchParams.get('modifiee') === '1');
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: /^Appel du / }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Appel' })).toBeVisible();
  if (js) await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
  await expectAccessible(page);
  const row = page.getByRole('group', { name: /^Présence de / });
  await row.getByRole('button', { name: 'Présent·e', exact: true }).click();
  await expect(row.getByRole('button', { name: 'Présent·e', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Signer l’appel de cette demi-journée', exact: true }).click();
  await expect(page.getByText(/Appel signé le/)).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  // After the course: « après », then the évaluation à chaud.
  await signIn(page, visit, learner);
  await visit(`${path}/auto-evaluation`);
  await expect(page.getByRole('heading', { level: 2, name: 'Auto-évaluation après la formation' })).toBeVisible();
  await expectAccessible(page);
  await answerAll(page, 5);
  await expect(page.getByRole('heading', { level: 2, name: 'Évaluation à chaud' })).toBeVisible();
  await expectAccessible(page);
  // The learner's own before / after, per item.
  const mine = page.getByRole('table', { name: 'Mon auto-évaluation, avant et après' });
  await expect(mine.getByRole('row').filter({ hasText: 'situation de crise' })).toContainText('2 sur 5');
  await expect(mine.getByRole('row').filter({ hasText: 'situation de crise' })).toContainText('5 sur 5');
  await answerAll(page, 4, `Plus de mises en situation (${testInfo.project.name}).`);
  await expect(page.getByText('Évaluation à chaud : répondue')).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  // The trainer sees the cohort, then issues its certificates.
  await signIn(page, visit, TRAINER);
  await visit(`${path}/questionnaires`);
  await expectAccessible(page);
  const crisis = page.getByRole('row').filter({ hasText: 'indicateur crise' });
  await expect(crisis.getByRole('cell').nth(0)).toHaveText('2,0 (1)');
  await expect(crisis.getByRole('cell').nth(1)).toHaveText('5,0 (1)');
  await expect(crisis.getByRole('cell').nth(2)).toHaveText('+3,0 (1)');
  await expect(page.getByText(`Plus de mises en situation (${testInfo.project.name}).`)).toBeVisible();

  await visit(`${path}/certificats`);
  await expectAccessible(page);
  await expect(page.getByRole('row').filter({ hasText: 'Éligible' })).toHaveCount(1);
  await page.getByRole('button', { name: 'Délivrer les certificats', exact: true }).click();
  // Once issued (in batches with JavaScript, in one post without), nothing is left to issue.
  await expect(page.getByText('Chaque participant·e éligible a son certificat à jour.')).toBeVisible();
  await expectAccessible(page);
  await visit(`${path}/certificats`);
  const number = page.getByRole('row').filter({ hasText: 'Éligible' }).getByRole('link', { name: /^RELAIS-\d{4}-\d{6}$/ });
  await expect(number).toBeVisible();
  await expect(page.getByText('Chaque participant·e éligible a son certificat à jour.')).toBeVisible();
  await expectAccessible(page);
  const certificateNumber = (await number.textContent()) ?? '';
  await signOut(page);

  // The certificate arrives by email, as a PDF.
  const mail = await waitForMessage(learner, /certificat de réalisation/);
  expect(mail.text ?? '').toContain(certificateNumber);
  const pdf = mail.attachments.find((a) => a.contentType === 'application/pdf');
  expect(pdf, 'the message carries the PDF').toBeDefined();
  expect(pdf!.filename).toBe(`certificat-${certificateNumber}.pdf`);
  expect(pdf!.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // And stays downloadable from « Mon espace ».
  await signIn(page, visit, learner);
  const download = page
    .getByRole('listitem')
    .filter({ hasText: certificateNumber })
    .getByRole('link', { name: /^Certificat de réalisation — .* \(PDF\)$/ });
  await expect(download).toHaveCount(1);
  const response = await page.request.get((await download.getAttribute('href')) ?? '');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  expect((await response.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
});
