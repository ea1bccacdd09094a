import type { Page } from '@playwright/test';
import { expect, expectAccessible } from './fixtures';

/**
 * Steps shared by the specs that act as the demo's people: signing in and
 * out, Paris dates, and planning a session through the form.
 */

export const PASSWORD = 'Demo-Relais-2026';
export const TRAINER = 'formatrice.unafam@demo.relais.fr';
export const SENSIBILISATION = 'Sensibilisation en santé mentale';

export type Visit = (path: string) => Promise<unknown>;

export async function signIn(page: Page, visit: Visit, email: string) {
  await visit('/connexion');
  await expectAccessible(page);
  await page.getByLabel('Adresse e-mail (obligatoire)').fill(email);
  await page.getByLabel('Mot de passe (obligatoire)').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === '/mon-espace');
  await expectAccessible(page);
}

export async function signOut(page: Page) {
  await page.getByRole('banner').getByRole('button', { name: 'Se déconnecter', exact: true }).click();
  // Signing out lands on the home page: wait for it (with JavaScript the banner can change first).
  await expect(page).toHaveURL((url) => url.pathname === '/');
  await expect(page.getByRole('banner').getByRole('link', { name: 'Se connecter', exact: true })).toBeVisible();
  await expectAccessible(page);
}

/** The calendar date in Paris, `days` from today, as `YYYY-MM-DD`. */
export function parisDate(days: number): string {
  const at = new Date(Date.now() + days * 86_400_000);
  return at.toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
}

export type Slot = { day: string; halfDay: 'Matin' | 'Après-midi'; start?: string; end?: string };

/** Fills the slot rows of the session form. */
export async function fillSlots(page: Page, slots: Slot[]) {
  for (const [i, slot] of slots.entries()) {
    const row = page.getByRole('group', { name: `Créneau ${i + 1}`, exact: true });
    await row.getByLabel('Date', { exact: true }).fill(slot.day);
    await row.getByLabel('Demi-journée', { exact: true }).selectOption({ label: slot.halfDay });
    if (slot.start) await row.getByLabel('Début (facultatif)').fill(slot.start);
    if (slot.end) await row.getByLabel('Fin (facultative)').fill(slot.end);
  }
}

/** Plans a hybrid session of the sensibilisation module through the form and returns its page's path. */
export async function planSession(page: Page, visit: Visit, title: string, slots: Slot[]) {
  await visit('/sessions/nouvelle');
  await expectAccessible(page);
  await page.getByLabel('Module (obligatoire)').selectOption({ label: SENSIBILISATION });
  await page.getByLabel('Titre de la session (obligatoire)').fill(title);
  await page.getByLabel('Hybride', { exact: true }).check();
  await page.getByLabel('Adresse', { exact: true }).fill('CH de Jury, 1 rue de Jury, 57245 Jury');
  await page.getByLabel('Salle', { exact: true }).fill('Salle Camille Claudel');
  await page.getByLabel('Lien de visioconférence', { exact: true }).fill('https://visio.example.org/relais-e2e');
  await page.getByLabel('Capacité, en places (obligatoire)').fill('12');
  await page.getByLabel('Année du programme (obligatoire)').fill(slots[0].day.slice(0, 4));
  await fillSlots(page, slots);
  await page.getByRole('button', { name: 'Planifier la session', exact: true }).click();
  await expect(page).toHaveURL(/\/sessions\/\d+$/);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expectAccessible(page);
  return new URL(page.url()).pathname;
}

/** Enrols people from the session page (trainers and the coordinator). */
export async function addLearners(page: Page, emails: string[]) {
  await page.getByLabel('Adresses e-mail des personnes à inscrire').fill(emails.join('\n'));
  await page.getByRole('button', { name: 'Inscrire ces personnes', exact: true }).click();
  await expect(page.getByRole('table', { name: /Inscriptions confirmées/ }).getByRole('row')).toHaveCount(emails.length + 1);
  await expectAccessible(page);
}
