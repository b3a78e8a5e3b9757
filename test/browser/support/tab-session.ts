import type { Browser, Page } from 'playwright-core';

/**
 * A browser session on the tab: a fresh context (its console lines and page errors kept for the
 * privacy checks) and the development sign-in as a demo user.
 */
export async function openSession(
  browser: Browser,
  viewport: { width: number; height: number } = { width: 1360, height: 900 },
) {
  const context = await browser.newContext({ viewport, locale: 'en-GB' });
  const page = await context.newPage();
  const logs: string[] = [];
  page.on('console', (m) => logs.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => logs.push(`pageerror: ${e.message}`));
  return { context, page, logs };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export async function signInAs(page: Page, url: string, email: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('heading', { name: 'Sign in to MARAC' }).waitFor();
  await page.getByRole('button', { name: new RegExp(escapeRegExp(email)) }).click();
  await page.getByRole('heading', { name: 'Areas', level: 2 }).waitFor();
}

/** A field of the referral form by its path ("victim.name"). */
export const field = (page: Page, path: string) => page.locator(`[data-field="${path}"]`);

/** Fills a complete referral in the area: the victim as given; 15 "yes" answers of 24. */
export async function fillReferral(
  page: Page,
  areaName: string,
  victim: { name: string; dob: string },
): Promise<void> {
  const form = page.getByRole('form', { name: 'Referral form' });
  await form.getByLabel('MARAC area').selectOption({ label: areaName });
  await form
    .getByLabel('Your agency')
    .locator('option', { hasText: 'Riverside Police' })
    .waitFor({ state: 'attached' });
  await form.getByLabel('Your agency').selectOption({ label: 'Riverside Police' });
  await form.getByLabel('Your phone number').fill('01632 960001');
  await form.getByLabel('Victim’s name').fill(victim.name);
  await form.getByLabel('Victim’s date of birth').fill(victim.dob);
  await field(page, 'victim.gender').getByRole('combobox').selectOption('female');
  await field(page, 'victim.address.line1').getByRole('textbox').fill('14 Larkspur Row');
  await field(page, 'victim.address.town').getByRole('textbox').fill('Northbrook');
  await field(page, 'victim.address.postcode').getByRole('textbox').fill('NB4 7QX');
  await form.getByLabel('Victim’s phone').fill('07700 900123');
  await field(page, 'victim.safeToCall').getByRole('radio', { name: 'Yes' }).check();
  await form.getByLabel('Perpetrator 1 name').fill('Dorian Threlkeld');
  await form.getByLabel('Perpetrator 1 date of birth').fill('1987-09-12');
  await field(page, 'perpetrators.0.gender').getByRole('combobox').selectOption('male');
  await field(page, 'perpetrators.0.relationshipToVictim')
    .getByRole('combobox')
    .selectOption('ex-partner');
  await field(page, 'perpetrators.0.mappaLevel').getByRole('combobox').selectOption('none');
  await form
    .getByLabel('Reasons for referral')
    .fill('Escalating threats after separation; strangulation disclosed last week.');
  await page.getByTestId('dash-q24').waitFor();
  for (let i = 1; i <= 24; i++) {
    await page
      .getByTestId(`dash-q${i}`)
      .getByRole('radio', { name: i <= 15 ? 'Yes' : 'No', exact: true })
      .check();
  }
  await form.getByLabel('Incidents in the last 12 months').fill('1');
  await form.getByLabel('Who does the victim fear?').fill('Her ex-partner and his brother.');
  await field(page, 'consent.victimAware').getByRole('radio', { name: 'Yes' }).check();
  await field(page, 'consent.consented').getByRole('radio', { name: 'Yes' }).check();
}
