/**
 * The referral form a referrer can trust, in a real Chromium against the real server (local mode,
 * demo data): a failed submission lists every problem in a GOV.UK error summary whose links take
 * the person to the field; text over a limit is kept whole and refused with the limit named;
 * nothing is answered for them; a double click on Submit makes one referral; a partial draft is
 * saved as it is typed, the browser warns before leaving unsaved changes, and the draft reopens
 * from My referrals. Screenshots go to test-output/screens/form-*.png.
 */
import { mkdir } from 'node:fs/promises';
import type { Route, Browser, Page } from 'playwright-core';
import { storeLegacyWords } from '../support/legacy-words.js';
import { signIn as apiSignIn, startApp, type TestApp } from '../support/start-app.js';
import { launchChromium } from './support/chromium.js';
import { field, fillReferral, openSession, signInAs } from './support/tab-session.js';

const SCREENS = 'test-output/screens';
const DANA = 'dana.whitcombe@police.example';
const AREA = 'Northbrook and Wellfield';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

jest.setTimeout(240_000);

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  await mkdir(SCREENS, { recursive: true });
  app = await startApp();
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${SCREENS}/form-${name}.png`, animations: 'disabled' });

async function referCase(page: Page) {
  await signInAs(page, app.url, DANA);
  await page.getByRole('tab', { name: 'Refer a case', exact: true }).click();
  await page.getByRole('heading', { name: 'Refer a case', level: 2 }).waitFor();
}

/** Is the focused element inside the field with this path? */
const focusIsIn = (page: Page, path: string) =>
  page.evaluate(
    (p) => document.querySelector(`[data-field="${p}"]`)?.contains(document.activeElement) ?? false,
    path,
  );

async function mine(): Promise<{ id: string; victimName: string | null; status: string }[]> {
  const api = await apiSignIn(app, DANA);
  const response = await api('/api/referrals/mine');
  expect(response.status).toBe(200);
  return (await response.json()) as { id: string; victimName: string | null; status: string }[];
}

test('a failed submission lists each problem, links to its field, and assumes nothing', async () => {
  const { context, page } = await openSession(browser);
  await referCase(page);
  const form = page.getByRole('form', { name: 'Referral form' });
  await form.getByLabel('MARAC area').selectOption({ label: AREA });
  const reasons = 'Controlling behaviour and threats. '.repeat(120); // 4,200 characters
  await form.getByLabel('Reasons for referral').fill(reasons);
  await form.getByLabel('Your phone number').fill('call me');

  // Nothing that becomes a fact is answered for the referrer.
  for (const path of ['consent.victimAware']) {
    expect(await field(page, path).getByRole('radio', { checked: true }).count()).toBe(0);
  }
  for (const path of [
    'perpetrators.0.relationshipToVictim',
    'perpetrators.0.mappaLevel',
    'victim.ethnicity',
    'victim.sexuality',
  ]) {
    expect(await field(page, path).getByRole('combobox').inputValue()).toBe('');
  }
  // Ethnicity is the return's categories under the census headings, not free text.
  const ethnicity = field(page, 'victim.ethnicity').getByRole('combobox');
  expect(
    await ethnicity.locator('optgroup').evaluateAll((g) => g.map((x) => x.getAttribute('label'))),
  ).toEqual([
    'White',
    'Mixed or Multiple ethnic groups',
    'Asian or Asian British',
    'Black or Black British',
    'Other ethnic group',
  ]);
  expect(await ethnicity.locator('option').allTextContents()).toEqual(
    expect.arrayContaining([
      'Not chosen',
      'Asian or Asian British: Indian',
      'Not known',
      'Prefers not to say',
    ]),
  );

  await page.getByRole('button', { name: 'Submit to the coordinator' }).click();
  const summary = page.getByTestId('error-summary');
  await summary.waitFor();
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
    'error-summary',
  );
  const text = (await summary.textContent()) ?? '';
  expect(text).toMatch(/^There is a problem/);
  for (const expected of [
    'Your agency: choose an answer',
    'Your phone number: use a UK phone number such as 01632 960001',
    'Victim’s name: fill this in',
    'Perpetrator 1’s relationship to the victim: choose an answer',
    'Perpetrator 1’s MAPPA level: choose an answer',
    'Reasons for referral: use 4,000 characters or fewer',
    'Does the victim know about this referral: choose an answer',
  ]) {
    expect(text).toContain(expected);
  }
  // Words only: no library text, no paths.
  expect(text).not.toMatch(/expected|invalid|received|victim\.|body\.|perpetrators\.\d/i);
  // Nothing typed is cut: the whole text is kept for the person to shorten.
  expect(await form.getByLabel('Reasons for referral').inputValue()).toBe(reasons);
  // Each field shows its own message in the same words.
  await field(page, 'reasonsForReferral')
    .getByText('Reasons for referral: use 4,000 characters or fewer')
    .waitFor();
  await shot(page, 'error-summary');

  // Each link takes the person to the field.
  const links: [string, string][] = [
    ['Victim’s name: fill this in', 'victim.name'],
    ['Perpetrator 1’s MAPPA level: choose an answer', 'perpetrators.0.mappaLevel'],
    ['Does the victim know about this referral: choose an answer', 'consent.victimAware'],
    ['Reasons for referral: use 4,000 characters or fewer', 'reasonsForReferral'],
  ];
  for (const [words, path] of links) {
    await summary.getByRole('link', { name: words }).click();
    expect(await focusIsIn(page, path)).toBe(true);
  }
  expect(page.url()).not.toContain('#');
  await context.close();
});

test('a double click on Submit makes one referral, with one Idempotency-Key', async () => {
  const { context, page } = await openSession(browser);
  const victim = 'Philippa Quennell-Ashby';
  const posts: { path: string; key: string | null; submit: boolean }[] = [];
  page.on('request', (r) => {
    if (!r.url().includes('/api/referrals') || !['POST', 'PUT'].includes(r.method())) return;
    const body = JSON.parse(r.postData() ?? '{}') as { submit?: boolean };
    posts.push({
      path: `${r.method()} ${new URL(r.url()).pathname}`,
      key: r.headers()['idempotency-key'] ?? null,
      submit: body.submit === true,
    });
  });
  await referCase(page);
  await fillReferral(page, AREA, { name: victim, dob: '1991-06-14' });
  await page.getByRole('button', { name: 'Submit to the coordinator' }).dblclick();
  await page
    .getByTestId('referral-receipt')
    .getByText(/Submitted to the coordinator:/)
    .waitFor();
  await shot(page, 'submitted');

  const submits = posts.filter((p) => p.submit);
  expect(submits).toHaveLength(1);
  for (const p of posts.filter((x) => x.path.startsWith('POST'))) expect(p.key).toMatch(UUID);
  const ours = (await mine()).filter((r) => r.victimName === victim);
  expect(ours.map((r) => r.status)).toEqual(['submitted']);
  await context.close();
});

test('a partial draft saves as it is typed, warns before leaving, and reopens', async () => {
  const victim = 'Marguerite Oyelaran-Finch';
  const first = await openSession(browser);
  let page = first.page;
  await referCase(page);
  const form = page.getByRole('form', { name: 'Referral form' });
  await form.getByLabel('MARAC area').selectOption({ label: AREA });
  await form.getByLabel('Victim’s name').fill(victim);
  await form.getByLabel('Reasons for referral').fill('Partial: the referrer was called away.');
  await page
    .getByTestId('draft-status')
    .getByText(/Draft saved at/)
    .waitFor({ timeout: 20_000 });

  // Typed but not yet saved: leaving the page asks first. The save is held on its way, so the
  // change stays unsaved however slowly the machine runs (autosave would otherwise win the race).
  const held: Route[] = [];
  await page.route('**/api/referrals/**', (route) =>
    route.request().method() === 'PUT' ? void held.push(route) : route.continue(),
  );
  await form.getByLabel('Who does the victim fear?').fill('Her former partner.');
  await page
    .getByTestId('draft-status')
    .getByText(/^(Changes not saved yet|Saving the draft…)$/)
    .waitFor();
  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
  for (const route of held) await route.continue();
  await page.unroute('**/api/referrals/**');
  await page
    .getByTestId('draft-status')
    .getByText(/Draft saved at/)
    .waitFor({ timeout: 20_000 });
  await shot(page, 'draft-saved');
  await first.context.close();

  const drafts = (await mine()).filter((r) => r.victimName === victim);
  expect(drafts.map((r) => r.status)).toEqual(['draft']);
  // As a draft saved before the form offered categories would hold them: words.
  await storeLegacyWords(app.db, app.services.crypto, drafts[0]!.id, {
    ethnicity: 'mixed race',
    sexuality: 'straight',
  });

  // Later, in a new session: My referrals, Continue, and everything typed is there.
  const second = await openSession(browser);
  page = second.page;
  await signInAs(page, app.url, DANA);
  await page.getByRole('tab', { name: 'My referrals', exact: true }).click();
  const row = page.getByTestId('my-referrals').getByRole('row').filter({ hasText: victim });
  expect(await row.textContent()).toMatch(/Draft/);
  await shot(page, 'my-referrals-draft');
  await row.getByRole('button', { name: /^Continue / }).click();
  const reopened = page.getByRole('form', { name: 'Referral form' });
  await reopened.waitFor();
  expect(await reopened.getByLabel('Victim’s name').inputValue()).toBe(victim);
  expect(await reopened.getByLabel('Reasons for referral').inputValue()).toMatch(/called away/);
  expect(await reopened.getByLabel('Who does the victim fear?').inputValue()).toBe(
    'Her former partner.',
  );
  expect(
    await field(page, 'consent.victimAware').getByRole('radio', { checked: true }).count(),
  ).toBe(0);
  // The words written before sit beside the empty choice, and are kept when one is chosen.
  expect(await field(page, 'victim.ethnicity').getByRole('combobox').inputValue()).toBe('');
  await field(page, 'victim.ethnicity')
    .getByText('Recorded as: “mixed race”', { exact: false })
    .waitFor();
  await field(page, 'victim.sexuality').getByRole('combobox').selectOption({ label: 'Bisexual' });
  await field(page, 'victim.sexuality')
    .getByText('First written as: “straight”', { exact: false })
    .waitFor();
  await shot(page, 'recorded-as');
  // Saved as typed (autosave): read back until the choice is there.
  const api = await apiSignIn(app, DANA);
  type Saved = { draft: { victim: Record<string, unknown> }; asWritten: unknown };
  const read = async () => (await (await api(`/api/referrals/${drafts[0]!.id}`)).json()) as Saved;
  let saved = await read();
  for (let i = 0; i < 40 && saved.draft.victim.sexuality !== 'bisexual'; i++) {
    await page.waitForTimeout(500);
    saved = await read();
  }
  expect(saved.draft.victim.sexuality).toBe('bisexual');
  expect(saved.draft.victim.ethnicity).toBeUndefined();
  expect(saved.asWritten).toEqual({ ethnicity: 'mixed race', sexuality: 'straight' });
  expect(second.logs.filter((l) => l.includes(victim))).toEqual([]);
  await second.context.close();
  expect((await mine()).filter((r) => r.victimName === victim)).toHaveLength(1);
});
