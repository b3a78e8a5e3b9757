/**
 * The SafeLives data return in the tab (issue #13), in the fake Teams host, on the generated
 * quarter (test/support/data-return-quarter.ts, set up once by test/support/data-return-app.ts):
 * every figure of the totals and each meeting's record, heard and deferred cases equal the
 * answers written out by hand; the coordinator's drill-down shows the right cases; the CSV and
 * Excel downloads are saved as files from inside the host's frame; an admin sees the counts and
 * no case. Each theme once: default at full width (the coordinator), dark at 320 px (the admin)
 * and high contrast at 320 px (the coordinator): no sideways scroll, no serious or critical axe
 * finding. Screenshots: test-output/screens/data-return-*.png.
 */
import { mkdir, readFile } from 'node:fs/promises';
import type { Browser, FrameLocator } from 'playwright-core';
import readXlsxFile from 'read-excel-file/node';
import { readCsv } from '../support/csv.js';
import {
  ADMIN,
  COORDINATOR,
  quarterNameWords,
  startQuarterApp,
  type QuarterApp,
} from '../support/data-return-app.js';
import { EXPECTED_Q1, expectedQ1Rows } from '../support/data-return-quarter.js';
import { seriousAxeViolations, sidewaysOverflow } from './support/axe.js';
import { launchChromium } from './support/chromium.js';
import { FakeM365Host } from './support/fake-m365-host.js';
import { dataReturnPlace, routeFor } from '../../tab/src/routes.js';
import {
  lastCompleteQuarter,
  quarterChoices,
  shiftQuarter,
} from '../../tab/src/format/quarters.js';

const SCREENS = 'test-output/screens';
jest.setTimeout(300_000);

let q: QuarterApp;
let browser: Browser;
let host: FakeM365Host;

beforeAll(async () => {
  await mkdir(SCREENS, { recursive: true });
  q = await startQuarterApp();
  browser = await launchChromium();
  host = await FakeM365Host.start();
}, 240_000);

afterAll(async () => {
  await host?.close();
  await browser?.close();
  await q?.app.stop();
});

const RECORD_WORDS: Record<string, string> = {
  closed: 'Closed',
  'in-progress': 'Not closed',
  'not-started': 'No record of the meeting',
};
const refs = (labels: string) => [...labels].map(q.refOf).join(', ');

async function openReturn(
  email: string,
  width: number,
  theme: 'default' | 'dark' | 'contrast',
  quarter = '2027-Q1',
) {
  const opened = await host.openAs(browser, q.app.url, {
    path: `/data-return/${q.areaId}?quarter=${quarter}`,
    theme,
    email,
    width,
  });
  await opened.frame.getByRole('heading', { name: /^SafeLives data return: /, level: 1 }).waitFor();
  await opened.frame.getByTestId('total-figures').waitFor();
  return opened;
}

/** A figure's row of a table: its count, not known and not recoded cells as shown. */
async function cellsOf(frame: FrameLocator, table: string, figure: string, detail: string) {
  const row = frame
    .getByTestId(table)
    .locator(`tr[data-figure="${figure}"][data-detail="${detail.replace(/"/g, '\\"')}"]`);
  const text = (value: string) => row.locator(`td[data-value="${value}"]`).innerText();
  return {
    label: (await row.locator('td').first().innerText()).trim(),
    count: (await text('count')).trim(),
    notKnown: (await text('not-known')).trim(),
    notRecoded: (await text('not-recoded')).trim(),
  };
}

async function lookAt(opened: Awaited<ReturnType<typeof openReturn>>, name: string): Promise<void> {
  await opened.page.waitForLoadState('networkidle');
  // The picture first: when a check below fails, it shows why.
  await opened.page.screenshot({
    path: `${SCREENS}/data-return-${name}.png`,
    fullPage: true,
    animations: 'disabled',
  });
  expect(await sidewaysOverflow(opened.tabFrame())).toBeLessThanOrEqual(0);
  expect(await seriousAxeViolations(opened.tabFrame())).toEqual([]);
}

it.each([
  ['/data-return/11111111-1111-4111-8111-111111111111', '?quarter=2027-Q1', '2027-Q1'],
  ['/data-return/11111111-1111-4111-8111-111111111111', '?quarter=2027-q4', '2027-Q4'],
  ['/data-return/11111111-1111-4111-8111-111111111111', '?quarter=2027-Q5', null],
  ['/data-return/11111111-1111-4111-8111-111111111111', '', null],
])('%s%s opens the data return of %s', (path, search, quarter) => {
  expect(routeFor(path)).toBe('data-return');
  expect(dataReturnPlace(path, search)).toEqual({
    areaId: '11111111-1111-4111-8111-111111111111',
    quarter,
  });
});

it.each([
  // 23:30 UTC on 31 March in British Summer Time is 1 April in London: the first quarter is over.
  ['2027-03-31T23:30:00Z', '2027-Q1'],
  ['2027-03-31T22:30:00Z', '2026-Q4'],
  ['2027-01-01T00:00:00Z', '2026-Q4'],
  ['2026-12-01T09:00:00Z', '2026-Q3'],
])('at %s the last complete quarter is %s', (now, quarter) => {
  expect(lastCompleteQuarter(new Date(now))).toBe(quarter);
});

it('steps across years, and offers the quarters newest first with the one shown', () => {
  expect(shiftQuarter('2027-Q1', -1)).toBe('2026-Q4');
  expect(shiftQuarter('2026-Q4', 1)).toBe('2027-Q1');
  const choices = quarterChoices('2027-Q1', new Date('2026-12-01T09:00:00Z'));
  expect(choices.slice(0, 3)).toEqual(['2027-Q1', '2026-Q4', '2026-Q3']);
  expect(choices.at(-1)).toBe('2023-Q4');
});

it('shows the coordinator every figure, the cases behind each, and downloads CSV and Excel', async () => {
  const opened = await openReturn(COORDINATOR, 1366, 'default');
  const { page, frame } = opened;
  try {
    const warnings = frame.getByTestId('return-warnings');
    expect(await warnings.innerText()).toMatch(/These figures are not complete/);
    expect(await warnings.locator('li').allInnerTexts()).toEqual([
      expect.stringMatching(/^The meeting on Tuesday 9 February 2027 has no record of being held/),
      expect.stringMatching(/^The meeting on Tuesday 9 March 2027 is not closed/),
    ]);

    for (const w of expectedQ1Rows().filter((r) => r.figure !== 'to-recode')) {
      expect({
        figure: w.figure,
        detail: w.detail,
        ...(await cellsOf(frame, 'total-figures', w.figure, w.detail)),
      }).toEqual({
        figure: w.figure,
        detail: w.detail,
        label: w.label,
        count: String(w.count),
        notKnown: w.notKnown === null ? '' : String(w.notKnown),
        notRecoded: w.notRecoded === null ? '' : String(w.notRecoded),
      });
    }
    expect(await frame.getByTestId('total-figures').locator('tr[data-figure]').count()).toBe(
      expectedQ1Rows().filter((r) => r.figure !== 'to-recode').length,
    );
    expect(await frame.getByTestId('recode-cases').locator('li').allInnerTexts()).toEqual([
      `Ethnicity: ${refs(EXPECTED_Q1.toRecode.ethnicity)}`,
      `Sexuality: ${refs(EXPECTED_Q1.toRecode.sexuality)}`,
    ]);
    expect(await frame.getByRole('link', { name: 'Recode them' }).getAttribute('href')).toBe(
      `/recode/${q.areaId}`,
    );

    for (const m of EXPECTED_Q1.meetings) {
      const section = frame.getByTestId(`meeting-${m.date}`);
      expect(await section.getByTestId('meeting-record').innerText()).toBe(
        `Record: ${RECORD_WORDS[m.record]}`,
      );
      const table = `meeting-${m.date}-figures`;
      expect((await cellsOf(frame, table, 'cases-heard', '')).count).toBe(String(m.heard.length));
      expect((await cellsOf(frame, table, 'deferred', '')).count).toBe(String(m.deferred.length));
    }
    expect(
      await frame.locator('[data-testid^="meeting-20"][data-testid$="-figures"]').count(),
    ).toBe(EXPECTED_Q1.meetings.length);

    // The drill-down: each button names what it shows; the cases are the ones written out.
    const totals = frame.getByTestId('total-figures');
    await totals.getByRole('button', { name: 'Show the 1 case for Repeat cases' }).click();
    await totals
      .getByRole('button', {
        name: 'Show the 8 cases for Victims Black, Asian or minority ethnic (5 counted, 1 not known, 2 not recoded)',
      })
      .click();
    const shown = totals.getByTestId('figure-cases');
    expect(await shown.allInnerTexts()).toEqual([
      `Counted (1): ${refs('E')}`,
      [
        `Counted (5): ${refs(EXPECTED_Q1.bame.yes)}`,
        `Not known (1): ${refs(EXPECTED_Q1.bame.notKnown)}`,
        `Not recoded (2): ${refs(EXPECTED_Q1.bame.notRecoded)}`,
      ].join('\n'),
    ]);
    await totals.getByRole('button', { name: 'Hide the 1 case for Repeat cases' }).click();
    expect(await shown.count()).toBe(1);
    const first = frame.getByTestId('meeting-2027-01-12');
    await first
      .getByRole('button', {
        name: 'Show the 1 case for Deferred to a later meeting (not counted)',
      })
      .click();
    expect(await first.getByTestId('figure-cases').innerText()).toBe(`Deferred (1): ${refs('D')}`);
    await first.getByRole('button', { name: 'Show the 3 cases for Cases heard' }).click();
    await frame
      .getByTestId('meeting-2027-03-09')
      .screenshot({ path: `${SCREENS}/data-return-meeting-w1366.png`, animations: 'disabled' });
    expect(await first.getByTestId('figure-cases').first().innerText()).toBe(
      `Counted (3): ${refs('ABC')}`,
    );

    // The downloads, saved from inside the host's frame as a person's browser saves them.
    const save = async (button: string) => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        frame.getByRole('button', { name: button }).click(),
      ]);
      return {
        name: download.suggestedFilename(),
        bytes: await readFile((await download.path())!),
      };
    };
    const csv = await save('Download CSV');
    expect(csv.name).toBe('marac-data-return-NBW-2027-Q1.csv');
    const [header, ...rows] = readCsv(csv.bytes.toString('utf8').replace(/^\uFEFF/, ''));
    expect(header![0]).toBe('scope');
    const heard = rows.find((r) => r[0] === 'quarter' && r[3] === 'cases-heard')!;
    expect([heard[5], heard[8]]).toEqual(['11', refs(EXPECTED_Q1.casesHeard).replace(/, /g, ' ')]);
    await frame.getByText('Downloaded marac-data-return-NBW-2027-Q1.csv.').waitFor();
    const xlsx = await save('Download Excel');
    expect(xlsx.name).toBe('marac-data-return-NBW-2027-Q1.xlsx');
    const sheets = await readXlsxFile(xlsx.bytes);
    const totalsSheet = sheets[0]!.data;
    expect(totalsSheet.find((r) => r[0] === 'Cases heard')?.[1]).toBe(11);
    expect(totalsSheet.find((r) => r[0] === 'Repeat cases')?.slice(1, 5)).toEqual([
      1,
      null,
      null,
      q.refOf('E'),
    ]);

    const text = await frame.locator('main').innerText();
    for (const word of quarterNameWords()) expect(text).not.toContain(word);
    await lookAt(opened, 'w1366-default');

    // The quarter before, from the picker: its address can be shared.
    await frame.getByRole('button', { name: 'Previous quarter' }).click();
    await frame.getByRole('heading', { name: 'Quarter totals, 2026-Q4' }).waitFor();
    expect(opened.tabFrame().url()).toMatch(/\/data-return\/[0-9a-f-]{36}\?quarter=2026-Q4$/);
    expect((await cellsOf(frame, 'total-figures', 'cases-heard', '')).count).toBe('1');
  } finally {
    await opened.context.close();
  }
});

it('shows an admin the counts, without a case, in the dark theme at 320 px', async () => {
  const opened = await openReturn(ADMIN, 320, 'dark');
  try {
    const { frame } = opened;
    expect((await cellsOf(frame, 'total-figures', 'victims-lgbt', '')).count).toBe('4');
    expect(await frame.getByRole('button', { name: /^Show the/ }).count()).toBe(0);
    expect(await frame.getByTestId('recode-cases').count()).toBe(0);
    expect(await frame.locator('main').innerText()).not.toContain('NBW-');
    await lookAt(opened, 'w320-dark-admin');
  } finally {
    await opened.context.close();
  }
});

it('stacks for the coordinator in high contrast at 320 px, a drill-down open', async () => {
  const opened = await openReturn(COORDINATOR, 320, 'contrast');
  try {
    const totals = opened.frame.getByTestId('total-figures');
    await totals.getByRole('button', { name: /^Show the 6 cases for Victims LGBT\+/ }).click();
    await totals.getByTestId('figure-cases').waitFor();
    // Under the pointer a row is black on cyan: its labels follow the row's colour, not white.
    const row = totals.locator('tr[data-figure]').first();
    await row.hover();
    const colours = await row
      .locator('td[data-label]')
      .first()
      .evaluate((cell) => ({
        text: getComputedStyle(cell).color,
        label: getComputedStyle(cell, '::before').color,
        row: getComputedStyle(cell.closest('tr')!).backgroundColor,
      }));
    expect(colours.label).toBe(colours.text);
    expect(colours.label).not.toBe(colours.row);
    // The pointer away, so the picture shows the rows as they rest, not hovered.
    await opened.page.mouse.move(2, 60);
    await lookAt(opened, 'w320-contrast');
  } finally {
    await opened.context.close();
  }
});
