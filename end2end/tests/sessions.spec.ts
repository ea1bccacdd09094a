import ICAL from 'ical.js';
import { addLearners, parisDate, planSession, signIn, signOut, TRAINER } from './demo';
import { test, expect, expectAccessible } from './fixtures';
import { waitForMessage } from './mailbox';

/**
 * Sessions: a trainer plans a session, a learner enrols and receives the
 * convocation in the SMTP test server with a valid calendar file; a trainer
 * takes the roll call on a phone-sized screen. Runs with JavaScript on and off.
 */

test('a learner enrols and receives the convocation with a valid calendar file', async ({ page, visit }, testInfo) => {
  const js = testInfo.project.name === 'chromium-js';
  const learner = js ? 'apprenant35@demo.relais.fr' : 'apprenant36@demo.relais.fr';
  const title = `Sensibilisation — groupe e2e (${testInfo.project.name})`;
  const day = parisDate(40);
  const nextDay = parisDate(41);

  await signIn(page, visit, TRAINER);
  const path = await planSession(page, visit, title, [
    { day, halfDay: 'Matin' },
    { day, halfDay: 'Après-midi' },
    { day: nextDay, halfDay: 'Matin' },
  ]);
  await signOut(page);

  await signIn(page, visit, learner);
  await visit(path);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'M’inscrire', exact: true }).click();
  await expect(page.getByText('Inscription confirmée')).toBeVisible();
  await expectAccessible(page);

  const mail = await waitForMessage(learner, /convocation/);
  expect(mail.subject).toContain(title);
  expect(mail.text ?? '').toContain('CH de Jury');
  const ics = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  expect(ics, 'the convocation carries a text/calendar attachment').toBeDefined();
  expect(ics!.filename ?? '').toMatch(/\.ics$/);

  // RFC 5545: parsed by ical.js (Mozilla's parser), one event per half-day.
  const calendar = new ICAL.Component(ICAL.parse(ics!.content.toString('utf8')));
  expect(calendar.name).toBe('vcalendar');
  expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
  const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
  expect(events).toHaveLength(3);
  const uids = new Set(events.map((e) => e.uid));
  expect(uids.size).toBe(3);
  for (const event of events) {
    expect(event.summary).toContain(title);
    expect(`${event.location ?? ''} ${event.description ?? ''}`).toContain('https://visio.example.org/relais-e2e');
    expect(event.startDate.toJSDate().getTime()).toBeLessThan(event.endDate.toJSDate().getTime());
  }
  // 9 h 00 in Paris on the first day, whatever the season.
  const first = events.map((e) => e.startDate.toJSDate()).sort((a, b) => a.getTime() - b.getTime())[0];
  expect(first.toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' }))
    .toBe(`${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)} 09:00`);

  // The month calendar shows the session on its day.
  await visit(`/sessions?vue=mois&mois=${day.slice(0, 7)}`);
  await expect(page.getByRole('table', { name: /Calendrier des sessions/ }).getByRole('link', { name: new RegExp(title.replace(/[()]/g, '.')) }).first()).toBeVisible();
  await expectAccessible(page);

  // « Mon agenda »: a secret calendar address, shown once, that lists the session.
  await visit('/mon-agenda');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Créer l’adresse « Mes inscriptions »', exact: true }).click();
  const address = page.getByLabel('Adresse de l’agenda', { exact: true });
  await expect(address).toHaveValue(/\/agenda\/[^/]+\.ics$/);
  await expectAccessible(page);
  const feedPath = new URL(await address.inputValue()).pathname;
  const feed = await page.request.get(feedPath);
  expect(feed.status()).toBe(200);
  expect(feed.headers()['content-type']).toContain('text/calendar');
  const feedEvents = new ICAL.Component(ICAL.parse(await feed.text()))
    .getAllSubcomponents('vevent')
    .map((e) => new ICAL.Event(e))
    .filter((e) => e.summary.includes(title));
  expect(feedEvents.map((e) => e.uid).sort()).toEqual(events.map((e) => e.uid).sort());
});

test('a trainer takes the roll call on a phone and signs it', async ({ page, visit }, testInfo) => {
  const js = testInfo.project.name === 'chromium-js';
  const learners = js
    ? ['apprenant05@demo.relais.fr', 'apprenant06@demo.relais.fr']
    : ['apprenant07@demo.relais.fr', 'apprenant08@demo.relais.fr'];
  const title = `Appel sur téléphone (${testInfo.project.name})`;

  await signIn(page, visit, TRAINER);
  // A half-day running now: today in Paris, over the whole day.
  const path = await planSession(page, visit, title, [
    { day: parisDate(0), halfDay: 'Matin', start: '00:00', end: '23:59' },
  ]);
  await addLearners(page, learners);

  await page.setViewportSize({ width: 390, height: 844 });
  await visit(path);
  await page.getByRole('link', { name: /^Appel du / }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Appel' })).toBeVisible();
  if (js) await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
  await expectAccessible(page);

  // Phone-friendly: no horizontal scrolling, touch targets of 44 px at least.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const rows = page.getByRole('group', { name: /^Présence de / });
  await expect(rows).toHaveCount(2);
  const present = rows.nth(0).getByRole('button', { name: 'Présent·e', exact: true });
  const box = await present.boundingBox();
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);

  await present.click();
  await expect(rows.nth(0).getByRole('button', { name: 'Présent·e', exact: true })).toHaveAttribute('aria-pressed', 'true');
  if (js) await expect(page.getByRole('status').filter({ hasText: 'Enregistré' })).toHaveCount(1);
  await expectAccessible(page);
  await rows.nth(1).getByRole('button', { name: 'Absent·e', exact: true }).click();
  await expect(rows.nth(1).getByRole('button', { name: 'Absent·e', exact: true })).toHaveAttribute('aria-pressed', 'true');
  if (js) await expect(page.getByRole('status').filter({ hasText: 'Enregistré' })).toHaveCount(2);
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Signer l’appel de cette demi-journée', exact: true }).click();
  await expect(page.getByText(/Appel signé le/)).toBeVisible();
  await expectAccessible(page);

  // What was tapped is what the server kept.
  await visit(new URL(page.url()).pathname);
  await expect(rows.nth(0).getByRole('button', { name: 'Présent·e', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(rows.nth(1).getByRole('button', { name: 'Absent·e', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText(/Appel signé le/)).toBeVisible();
  await expectAccessible(page);
});
