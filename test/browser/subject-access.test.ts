/**
 * Subject access in the tab (issue #13, item 4), in the fake Teams host, on the records of the
 * API's tests: Amelia Hart-Lowe's case on the fixture's meeting and an older case of hers (exact
 * matches), a record with her birthday's day and month swapped (a candidate) and another person's
 * case. The coordinator finds her, decides the candidate and gets the PDF (read by poppler), then
 * by a case reference; bad input is named beside its field; nothing found is said plainly; a
 * chair gets no link and the page says it is the coordinator's. Each theme once: no sideways
 * scroll, no serious or critical axe finding. Screenshots: test-output/screens/subject-access-*.png.
 * Every name here is invented.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { EMAILS, meetingUnderWay, type MeetingFixture } from '../bot/meeting-run/record-fixture.js';
import {
  AMELIA,
  SUBJECT_REFS,
  subjectAccessCases,
  UNRELATED,
} from '../bot/subject-access/subject-fixture.js';
import { seriousAxeViolations, sidewaysOverflow } from './support/axe.js';
import { launchChromium } from './support/chromium.js';
import { FakeM365Host } from './support/fake-m365-host.js';
import {
  checkRequest,
  EMPTY_DRAFT,
  type RequestDraft,
} from '../../tab/src/components/subject-access/check-request.js';

const SCREENS = 'test-output/screens';
jest.setTimeout(300_000);

let f: MeetingFixture;
let browser: Browser;
let host: FakeM365Host;
let heardRefs: string[];

beforeAll(async () => {
  await mkdir(SCREENS, { recursive: true });
  f = await meetingUnderWay();
  await subjectAccessCases(f);
  heardRefs = (
    await f.app.db.query<{ reference: string }>(
      `SELECT reference FROM referral WHERE case_id = (SELECT case_id FROM referral WHERE id = $1)
        ORDER BY reference`,
      [f.withChildren],
    )
  ).rows.map((r) => r.reference);
  browser = await launchChromium();
  host = await FakeM365Host.start();
}, 200_000);

afterAll(async () => {
  await host?.close();
  await browser?.close();
  await f?.app.stop();
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function open(
  who: 'coordinator' | 'chair',
  path: string,
  width: number,
  theme: 'default' | 'dark' | 'contrast',
) {
  const context = await browser.newContext({
    viewport: { width, height: 2200 },
    locale: 'en-GB',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const logs: string[] = [];
  page.on('console', (m) => logs.push(m.text()));
  const opened = await host.open(page, f.app.url, { path, theme });
  await opened.frame.getByRole('button', { name: new RegExp(escape(EMAILS[who])) }).click();
  return { context, page, logs, ...opened };
}

/** Checks the theme at this width and keeps a screenshot. */
async function looksRight(
  page: Page,
  tabFrame: () => import('playwright-core').Frame,
  name: string,
) {
  await page.waitForLoadState('networkidle');
  expect(await sidewaysOverflow(tabFrame())).toBeLessThanOrEqual(0);
  await page.screenshot({
    path: `${SCREENS}/subject-access-${name}.png`,
    fullPage: true,
    animations: 'disabled',
  });
  expect(await seriousAxeViolations(tabFrame())).toEqual([]);
}

/** Saves the PDF the page downloads and reads it as a viewer would. */
async function downloaded(page: Page, click: () => Promise<void>) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = `${f.app.dataDir}/${download.suggestedFilename()}`;
  await download.saveAs(file);
  const bytes = await readFile(file);
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  return { name: download.suggestedFilename(), bytes, text };
}

const fieldOf = (frame: FrameLocator, path: string) => frame.locator(`[data-field="${path}"]`);

const person = (patch: Partial<RequestDraft>): RequestDraft => ({
  ...EMPTY_DRAFT,
  name: AMELIA.name,
  dateOfBirth: AMELIA.dateOfBirth,
  ...patch,
});

it.each<[string, RequestDraft, string[]]>([
  ['no name', person({ name: '  ' }), ["The person's name: enter their name."]],
  [
    'a name of symbols',
    person({ name: '***' }),
    [
      "The person's name: use letters: a name cannot be only spaces, symbols or invisible characters.",
    ],
  ],
  [
    'a name too long',
    person({ name: 'A'.repeat(121) }),
    ["The person's name: use 120 characters or fewer."],
  ],
  [
    'an empty other name',
    person({ otherNames: ['Amelia Hart', ' '] }),
    ["The person's other name 2: enter the name, or remove this line."],
  ],
  [
    'no date of birth',
    person({ dateOfBirth: '' }),
    ["The person's date of birth: enter their date of birth."],
  ],
  [
    'a date typed in part',
    person({ dateOfBirth: '', dateUnfinished: true }),
    ["The person's date of birth: enter a real date, with the day, month and year."],
  ],
  [
    'a bad postcode',
    person({ postcode: 'nowhere' }),
    ["The person's postcode: use a UK postcode such as NB4 7QX."],
  ],
  [
    'no reference',
    { ...EMPTY_DRAFT, by: 'reference' },
    ['Case reference: enter a case reference, such as NBW-2026-0007.'],
  ],
  [
    'a bad reference',
    { ...EMPTY_DRAFT, by: 'reference', reference: 'NBW-26-7' },
    ['Case reference: use a case reference such as NBW-2026-0007.'],
  ],
])("the tab refuses %s in the server's words", (_, draft, messages) => {
  const checked = checkRequest(draft);
  expect(checked.ok ? [] : checked.problems.map((p) => p.message)).toEqual(messages);
});

it('sends the person as the contract reads them, and a reference in capitals', () => {
  expect(checkRequest(person({ otherNames: [' Amelia Hart '], postcode: ' nb4 7qx ' }))).toEqual({
    ok: true,
    body: {
      person: {
        name: AMELIA.name,
        otherNames: ['Amelia Hart'],
        dateOfBirth: AMELIA.dateOfBirth,
        postcode: 'nb4 7qx',
      },
    },
  });
  expect(checkRequest({ ...EMPTY_DRAFT, by: 'reference', reference: ' nbw-2025-0901 ' })).toEqual({
    ok: true,
    body: { reference: 'NBW-2025-0901' },
  });
});

it('finds the person, asks about the candidate, and saves the PDF; then by a reference; then nothing found', async () => {
  const { context, page, frame, tabFrame, logs } = await open(
    'coordinator',
    `/?area=${f.areaId}`,
    1366,
    'default',
  );
  try {
    await frame.getByRole('link', { name: 'Subject access' }).click();
    await frame
      .getByRole('heading', { name: 'Subject access: Northbrook and Wellfield', level: 1 })
      .waitFor();
    expect(await tabFrame().evaluate(() => window.location.pathname)).toBe(
      `/subject-access/${f.areaId}`,
    );

    // Bad input is named beside its field, and in the summary.
    const form = frame.getByRole('form', { name: 'Who the request is about' });
    await form.getByRole('textbox', { name: /^Name/ }).fill(AMELIA.name);
    await form.getByRole('button', { name: 'Add another name' }).click();
    await form.getByRole('textbox', { name: 'Other name 1' }).fill('Amelia Hart');
    const date = fieldOf(frame, 'person.dateOfBirth').locator('input');
    // A date typed in part (the year only): the browser holds no value, and knows it is unfinished.
    await date.click();
    await page.keyboard.type('1990');
    await form.getByRole('textbox', { name: /^Postcode/ }).fill('nowhere');
    await form.getByRole('button', { name: 'Find the records' }).click();
    await frame.getByTestId('error-summary').waitFor();
    expect(await fieldOf(frame, 'person.dateOfBirth').innerText()).toContain(
      "The person's date of birth: enter a real date, with the day, month and year.",
    );
    expect(await fieldOf(frame, 'person.postcode').innerText()).toContain(
      "The person's postcode: use a UK postcode such as NB4 7QX.",
    );
    await page.screenshot({ path: `${SCREENS}/subject-access-errors.png`, fullPage: true });

    await date.fill(AMELIA.dateOfBirth);
    await form.getByRole('textbox', { name: /^Postcode/ }).fill(AMELIA.postcode);
    await form.getByRole('button', { name: 'Find the records' }).click();
    await frame.getByRole('heading', { name: 'Decide the possible matches' }).waitFor();
    const found = await frame.getByTestId('found-cases').innerText();
    for (const ref of [...heardRefs, SUBJECT_REFS.older]) expect(found).toContain(ref);
    const candidates = frame.getByTestId('candidates');
    const listed = await candidates.innerText();
    expect(listed).toContain(`Referral ${SUBJECT_REFS.partial}`);
    expect(listed).toMatch(/Date of birth\s+Sun 4 Mar 1990\s+\S*\s*Similar, not the same/);
    expect(listed).toMatch(/Postcode\s+NB4 7QX\s+\S*\s*Same as given/);
    expect(listed).not.toContain(UNRELATED.name);
    // Nothing chosen for the coordinator: the PDF waits for a decision.
    expect(await candidates.getByRole('radio', { checked: true }).count()).toBe(0);
    const produce = frame.getByRole('button', { name: 'Produce the PDF' });
    expect(await produce.isDisabled()).toBe(true);
    await candidates.getByRole('radio', { name: /^This is the person/ }).check();
    expect(await produce.isEnabled()).toBe(true);
    await looksRight(page, tabFrame, 'w1366-default');

    const pdf = await downloaded(page, () => produce.click());
    expect(pdf.name).toMatch(/^subject-access-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    for (const ref of [...heardRefs, SUBJECT_REFS.older, SUBJECT_REFS.partial])
      expect(pdf.text).toContain(`Referral ${ref}: provided by Riverside Police`);
    expect(pdf.text).toMatch(
      /Research on \S+ for the meeting of .+?: provided by Riverside Police/,
    );
    expect(pdf.text).toContain('A possible match the coordinator confirmed');
    expect(pdf.text).not.toContain(UNRELATED.name);
    const produced = await frame.getByTestId('produced').innerText();
    expect(produced).toMatch(
      /^It lists 3 cases and \d+ items, each with the agency that provided it\. It was saved as subject-access-/,
    );
    expect(produced).toContain('recorded in the audit log');
    await page.screenshot({ path: `${SCREENS}/subject-access-produced.png`, fullPage: true });

    // The details are gone: the next request starts empty.
    await frame.getByRole('button', { name: 'Start another request' }).click();
    expect(await form.getByRole('textbox', { name: /^Name/ }).inputValue()).toBe('');

    // By a reference: a bad one, then one not held, each named beside the field.
    await form.getByRole('radio', { name: /A case reference/ }).check();
    const reference = form.getByRole('textbox', { name: /^Case reference/ });
    await reference.fill('not a reference');
    await form.getByRole('button', { name: 'Find the records' }).click();
    await fieldOf(frame, 'reference')
      .getByText('Case reference: use a case reference such as NBW-2026-0007.')
      .waitFor();
    await reference.fill('NBW-2024-9999');
    await form.getByRole('button', { name: 'Find the records' }).click();
    await fieldOf(frame, 'reference')
      .getByText(/^Case reference: check it: there is no submitted referral/)
      .waitFor();
    await reference.fill(SUBJECT_REFS.older.toLowerCase());
    await form.getByRole('button', { name: 'Find the records' }).click();
    await frame.getByRole('radio', { name: /^This is not the person/ }).check();
    const byReference = await downloaded(page, () => produce.click());
    expect(byReference.text).toContain(`Person: Case reference ${SUBJECT_REFS.older}`);
    expect(byReference.text).not.toContain(`Referral ${SUBJECT_REFS.partial}`);
    expect(byReference.text).toContain('One possible match was ruled out by the coordinator');

    // No one of that name: said plainly; the PDF records the search.
    await frame.getByRole('button', { name: 'Start another request' }).click();
    await form.getByRole('radio', { name: /name and date of birth/ }).check();
    await form.getByRole('textbox', { name: /^Name/ }).fill('Perpetua Ollerenshaw');
    await date.fill('1979-08-14');
    const nothing = await downloaded(page, () =>
      form.getByRole('button', { name: 'Find the records' }).click(),
    );
    expect(nothing.text).toContain('No record of this person was found.');
    await frame.getByRole('heading', { name: 'Nothing is held about this person' }).waitFor();

    // Never in the address, the browser's storage (where the frame may use it) or the console.
    const kept = await tabFrame().evaluate(() => {
      const read = (storage: () => Storage) => {
        try {
          return { ...storage() };
        } catch {
          return {}; // a third-party frame's storage may be closed to it
        }
      };
      return JSON.stringify([
        window.location.href,
        read(() => localStorage),
        read(() => sessionStorage),
      ]);
    });
    for (const words of [
      AMELIA.name,
      'Amelia Hart',
      'Ollerenshaw',
      AMELIA.dateOfBirth,
      '1979-08-14',
    ])
      expect(`${kept}\n${logs.join('\n')}`).not.toContain(words);
  } finally {
    await context.close();
  }
});

it('at 320 px: the candidates in the dark theme, the refused form in high contrast', async () => {
  const path = `/subject-access/${f.areaId}`;
  const dark = await open('coordinator', path, 320, 'dark');
  try {
    const form = dark.frame.getByRole('form', { name: 'Who the request is about' });
    await form.getByRole('textbox', { name: /^Name/ }).fill(AMELIA.name);
    await fieldOf(dark.frame, 'person.dateOfBirth').locator('input').fill(AMELIA.dateOfBirth);
    await form.getByRole('button', { name: 'Find the records' }).click();
    await dark.frame.getByTestId('candidates').waitFor();
    await looksRight(dark.page, dark.tabFrame, 'w320-dark');
  } finally {
    await dark.context.close();
  }
  const contrast = await open('coordinator', path, 320, 'contrast');
  try {
    const form = contrast.frame.getByRole('form', { name: 'Who the request is about' });
    await form.getByRole('button', { name: 'Add another name' }).click();
    await form.getByRole('textbox', { name: /^Postcode/ }).fill('nowhere');
    await form.getByRole('button', { name: 'Find the records' }).click();
    await contrast.frame.getByTestId('error-summary').waitFor();
    await looksRight(contrast.page, contrast.tabFrame, 'w320-contrast');
  } finally {
    await contrast.context.close();
  }
});

it('shows a chair no link, and tells them the page is the coordinator’s', async () => {
  const { context, page, frame, tabFrame } = await open(
    'chair',
    `/?area=${f.areaId}`,
    1366,
    'default',
  );
  try {
    await frame.getByRole('heading', { name: 'Northbrook and Wellfield', level: 2 }).waitFor();
    await frame.getByRole('link', { name: 'Dashboard' }).waitFor();
    expect(await frame.getByRole('link', { name: 'Subject access' }).count()).toBe(0);
    await tabFrame().evaluate((path) => {
      window.history.pushState(null, '', path);
      window.dispatchEvent(new PopStateEvent('popstate'));
    }, `/subject-access/${f.areaId}`);
    await frame.getByText('This page is for the area\u2019s MARAC coordinator').waitFor();
    expect(await frame.getByRole('form').count()).toBe(0);
    await page.screenshot({ path: `${SCREENS}/subject-access-chair.png`, fullPage: true });
  } finally {
    await context.close();
  }
});
