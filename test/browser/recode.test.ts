/**
 * The coordinator's recode of ethnicity and sexuality (issue #13), in the fake Teams host: two
 * referrals whose words were stored before the form offered categories (one naming no category
 * for either, one for its ethnicity only) and one whose words name a category exactly, which is
 * not listed. The coordinator chooses a category and saves; the item says so in place and the
 * server has it. Each theme at 320 px and full width: no sideways scroll, no serious or critical
 * axe finding. Screenshots: test-output/screens/recode-*.png.
 */
import { mkdir } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { referralForm } from '../bot/referrals/fixtures.js';
import { storeLegacyWords } from '../support/legacy-words.js';
import { signIn, startApp, type TestApp } from '../support/start-app.js';
import { seriousAxeViolations, sidewaysOverflow } from './support/axe.js';
import { launchChromium } from './support/chromium.js';
import { FakeM365Host } from './support/fake-m365-host.js';
import { atBothWidths, NARROW, THEMES } from './support/widths.js';

const SCREENS = 'test-output/screens';
const COORDINATOR = 'rosalind.marsh@riverside-partnership.example';
jest.setTimeout(240_000);

let app: TestApp;
let browser: Browser;
let host: FakeM365Host;
let areaId: string;
const references: string[] = [];

beforeAll(async () => {
  await mkdir(SCREENS, { recursive: true });
  app = await startApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  areaId = (await app.db.query<{ id: string }>(`SELECT id FROM area WHERE code = 'NBW'`)).rows[0]!
    .id;
  const agencyId = (
    await app.db.query<{ id: string }>(`SELECT id FROM agency WHERE name = 'Haven Refuge'`)
  ).rows[0]!.id;
  const coordinator = await signIn(app, COORDINATOR);
  const words = [
    { ethnicity: 'mixed race', sexuality: 'straight' },
    { ethnicity: 'Indian' },
    { ethnicity: 'White British' },
  ];
  for (const [i, legacy] of words.entries()) {
    const form = referralForm({ areaId, referrerAgencyId: agencyId });
    const made = await coordinator('/api/referrals', {
      method: 'POST',
      body: JSON.stringify({
        form: { ...form, victim: { ...form.victim, name: `Imogen Recode-Test ${i + 1}` } },
        submit: true,
      }),
    });
    const { id, reference } = (await made.json()) as { id: string; reference: string };
    await storeLegacyWords(app.db, app.services.crypto, id, legacy);
    references.push(reference);
  }
  browser = await launchChromium();
  host = await FakeM365Host.start();
}, 200_000);

afterAll(async () => {
  await host?.close();
  await browser?.close();
  await app?.stop();
});

async function openRecode(width: number, theme: 'default' | 'dark' | 'contrast') {
  const opened = await host.openAs(browser, app.url, {
    path: `/recode/${areaId}`,
    theme,
    email: COORDINATOR,
    width,
    height: 1000,
  });
  const { frame } = opened;
  await frame
    .getByRole('heading', { name: /^Recode ethnicity and sexuality: /, level: 1 })
    .waitFor();
  await frame.getByRole('list', { name: 'Referrals to recode' }).waitFor();
  return opened;
}

it('lists the words to recode, refuses Save with nothing chosen, and saves a category', async () => {
  const { context, page, frame } = await openRecode(1366, 'default');
  try {
    const items = frame.getByRole('list', { name: 'Referrals to recode' }).getByRole('listitem');
    expect(await items.count()).toBe(3);
    const [first, second, third] = [items.nth(0), items.nth(1), items.nth(2)];
    expect(await first.innerText()).toMatch(
      new RegExp(`^${references[0]}: ethnicity[\\s\\S]*Written as: “mixed race”`),
    );
    expect(await second.innerText()).toMatch(/: sexuality[\s\S]*Written as: “straight”/);
    expect(await third.innerText()).toMatch(
      new RegExp(`^${references[1]}: ethnicity[\\s\\S]*Written as: “Indian”`),
    );
    expect(await frame.getByText('White British').count()).toBe(0);
    await frame.getByText('3 answers left to recode.').waitFor();
    await page.screenshot({ path: `${SCREENS}/recode-list.png`, fullPage: true });

    // Nothing chosen: said beside the choice, nothing sent.
    await third.getByRole('button', { name: 'Save' }).click();
    await third.getByText('Choose the category the words mean').waitFor();

    const choice = third.getByRole('combobox', { name: `Ethnicity for ${references[1]}` });
    await choice.selectOption({ label: 'Asian or Asian British: Indian' });
    await third.getByRole('button', { name: 'Save' }).click();
    await third
      .getByText('Recoded as Asian or Asian British: Indian. The words are kept with the referral.')
      .waitFor();
    await frame.getByText('2 answers left to recode.').waitFor();
    await page.screenshot({ path: `${SCREENS}/recode-saved.png`, fullPage: true });

    const coordinator = await signIn(app, COORDINATOR);
    const left = (await (await coordinator(`/api/areas/${areaId}/recode`)).json()) as {
      items: { reference: string; field: string }[];
    };
    expect(left.items.map((i) => `${i.reference} ${i.field}`)).toEqual([
      `${references[0]} ethnicity`,
      `${references[0]} sexuality`,
    ]);
  } finally {
    await context.close();
  }
});

describe.each(THEMES)('in the %s theme', (theme) => {
  it('has no sideways scroll and no serious axe finding at 320 px and full width', async () => {
    const { context, page, tabFrame } = await openRecode(NARROW, theme);
    try {
      await atBothWidths(page, theme, async (width, withAxe) => {
        expect(await sidewaysOverflow(tabFrame())).toBeLessThanOrEqual(0);
        await page.screenshot({
          path: `${SCREENS}/recode-w${width}-${theme}.png`,
          fullPage: true,
          animations: 'disabled',
        });
        if (withAxe) expect(await seriousAxeViolations(tabFrame())).toEqual([]);
      });
    } finally {
      await context.close();
    }
  });
});
