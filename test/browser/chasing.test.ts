/**
 * Chasing in the tab, in a real Chromium against the real server in local mode with demo data:
 * an earlier meeting of the area, almost 12 months ago, heard two of the demo's cases and agreed
 * actions that are now overdue. The coordinator's area screen lists them (most overdue first) and
 * the case reaching 12 months; checked at 1366 px and 320 px in light, dark and high contrast in
 * one page load (the host's theme changes live): axe-core finds nothing serious, nothing scrolls
 * sideways. Once the police mark theirs done, the chair's screen lists only the other.
 * Screenshots go to test-output/screens/chasing-*.png. Every name here is invented.
 */
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import type { Browser, Frame, FrameLocator, Page } from 'playwright-core';
import { addMonths } from '#core/shared/local-date-months.js';
import { addDays } from '#core/shared/local-date.js';
import { londonToday } from '../../tab/src/format/dates.js';
import { startApp, type TestApp } from '../support/start-app.js';
import { seriousAxeViolations, sidewaysOverflow } from './support/axe.js';
import { launchChromium } from './support/chromium.js';
import { FakeM365Host } from './support/fake-m365-host.js';

const SCREENS = 'test-output/screens';
const AREA = 'Northbrook and Wellfield';
const COORDINATOR = 'rosalind.marsh@riverside-partnership.example';
const CHAIR = 'inspector.amos.kettering@police.example';
const ACTIONS = {
  police: 'Fit a video doorbell at the family home',
  childrens: 'Strategy discussion about the younger child',
};
const DAY = 24 * 3600 * 1000;

jest.setTimeout(300_000);

let app: TestApp;
let browser: Browser;
let host: FakeM365Host;
let areaId: string;
const actionIds: Record<keyof typeof ACTIONS, string> = { police: '', childrens: '' };
let references: string[];

beforeAll(async () => {
  await mkdir(SCREENS, { recursive: true });
  app = await startApp({ env: { MARAC_DEMO_REFERRALS: 'true', RATE_LIMIT_PER_MINUTE: '100000' } });
  browser = await launchChromium();
  host = await FakeM365Host.start();
  areaId = (await app.db.query<{ id: string }>(`SELECT id FROM area WHERE name = $1`, [AREA]))
    .rows[0]!.id;
  await seedEarlierMeeting();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await app?.stop();
});

/**
 * A meeting 12 months less 5 days ago that heard two of the demo's accepted cases (moved there
 * through the store) and agreed one action each, due 9 days and 1 day ago, still open.
 */
async function seedEarlierMeeting() {
  const agency = async (kind: string) =>
    (
      await app.db.query<{ id: string }>(
        `SELECT g.id FROM agency g JOIN area_agency aa ON aa.agency_id = g.id
          WHERE aa.area_id = $1 AND g.kind = $2`,
        [areaId, kind],
      )
    ).rows[0]!.id;
  const owners = {
    police: await agency('police'),
    childrens: await agency('childrens-social-care'),
  };
  const earlier = randomUUID();
  const date = addDays(addMonths(londonToday(), -12), 5);
  await app.db.query(
    `INSERT INTO meeting (id, area_id, series_id, pattern_date, date, start_time, starts_at, ends_at, status)
     SELECT $1, area_id, NULL, $3::date, $3::date, start_time,
            ($3::date + start_time::time) AT TIME ZONE 'Europe/London',
            ($3::date + start_time::time + interval '3 hours') AT TIME ZONE 'Europe/London', 'scheduled'
       FROM meeting WHERE area_id = $2 LIMIT 1`,
    [earlier, areaId, date],
  );
  const heard = (
    await app.db.query<{ id: string; case_id: string; reference: string }>(
      `SELECT DISTINCT ON (case_id) id, case_id, reference FROM referral
        WHERE area_id = $1 AND status = 'accepted' ORDER BY case_id, reference LIMIT 2`,
      [areaId],
    )
  ).rows;
  references = heard.map((r) => r.reference);
  const now = Date.now();
  for (const [i, key] of (['police', 'childrens'] as const).entries()) {
    const { id: referralId, case_id: caseId, reference } = heard[i]!;
    await app.db.query(`UPDATE referral SET meeting_id = $1 WHERE id = $2`, [earlier, referralId]);
    await app.db.query(
      `INSERT INTO meeting_case (meeting_id, referral_id, case_id, position, reference, has_children, state)
       VALUES ($1, $2, $3, $4, $5, false, 'heard')`,
      [earlier, referralId, caseId, i, reference],
    );
    actionIds[key] = randomUUID();
    const agreed = new Date(now - 30 * DAY);
    await app.services.uow.run((repos) =>
      repos.meetingActions.insert({
        id: actionIds[key],
        meetingId: earlier,
        referralId,
        caseId,
        areaId,
        ownerAgencyId: owners[key],
        ownerPerson: null,
        what: ACTIONS[key],
        risk: 'Further harm at the family home',
        dueAt: new Date(now - (key === 'police' ? 9 : 1) * DAY),
        urgent: null,
        status: 'open',
        createdBy: null,
        createdAt: agreed,
        updatedBy: null,
        updatedAt: agreed,
        version: 1,
      }),
    );
  }
}

async function openAreaScreen(page: Page, email: string) {
  const { frame, tabFrame } = await host.open(page, app.url, {
    path: `/?area=${areaId}`,
    theme: 'default',
  });
  await frame.getByRole('button', { name: new RegExp(email.replace(/\./g, '\\.')) }).click();
  await frame.getByTestId('overdue-actions').waitFor();
  await frame.getByTestId('twelve-month-cases').waitFor();
  return { frame, tab: tabFrame() };
}

const background = (tab: Frame) =>
  tab.evaluate(
    () => getComputedStyle(document.querySelector('.fui-FluentProvider')!).backgroundColor,
  );

/** Switches the host's theme and waits until the tab has painted it. */
async function setTheme(page: Page, tab: Frame, theme: 'default' | 'dark' | 'contrast') {
  const before = await background(tab);
  await page.evaluate(
    (t) => (window as unknown as { setTheme(t: string): void }).setTheme(t),
    theme,
  );
  await tab.waitForFunction(
    (bg) => getComputedStyle(document.querySelector('.fui-FluentProvider')!).backgroundColor !== bg,
    before,
  );
}

const rows = (frame: FrameLocator) =>
  frame.getByTestId('overdue-actions').locator('tbody tr').allInnerTexts();

it('lists the overdue actions and the case reaching 12 months, in every theme at 1366 and 320 px', async () => {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 1400 },
    locale: 'en-GB',
  });
  try {
    const page = await context.newPage();
    const { frame, tab } = await openAreaScreen(page, COORDINATOR);
    const listed = await rows(frame);
    expect(listed).toHaveLength(2);
    expect(listed[0]).toContain(ACTIONS.police);
    expect(listed[0]).toContain('9 days');
    expect(listed[0]).toContain(references[0]);
    expect(listed[1]).toContain(ACTIONS.childrens);
    expect(listed[1]).toContain('1 day');
    const twelve = await frame
      .getByTestId('twelve-month-cases')
      .locator('tbody tr')
      .allInnerTexts();
    expect(twelve.join('\n')).toContain(references[0]);
    expect(twelve.join('\n')).toMatch(/Open: 1 of 1 incomplete/);
    const views: [number, 'default' | 'dark' | 'contrast'][] = [
      [1366, 'default'],
      [1366, 'dark'],
      [1366, 'contrast'],
      [320, 'contrast'],
      [320, 'dark'],
      [320, 'default'],
    ];
    let theme: string = 'default';
    for (const [width, next] of views) {
      await page.setViewportSize({ width, height: 1400 });
      if (next !== theme) await setTheme(page, tab, next);
      theme = next;
      expect([width, theme, await sidewaysOverflow(tab)]).toEqual([width, theme, 0]);
      await page.screenshot({
        path: `${SCREENS}/chasing-w${width}-${theme}.png`,
        animations: 'disabled',
      });
      expect([width, theme, await seriousAxeViolations(tab)]).toEqual([width, theme, []]);
    }
  } finally {
    for (const page of context.pages()) await page.unrouteAll({ behavior: 'ignoreErrors' });
    await context.close();
  }
});

it('an action marked done leaves the list: the chair sees only the other', async () => {
  await app.services.uow.run(async (repos) => {
    const action = (await repos.meetingActions.get(actionIds.police))!;
    await repos.meetingActions.save({ ...action, status: 'done', version: action.version + 1 });
  });
  const context = await browser.newContext({
    viewport: { width: 1366, height: 1000 },
    locale: 'en-GB',
  });
  try {
    const page = await context.newPage();
    const { frame } = await openAreaScreen(page, CHAIR);
    const listed = await rows(frame);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toContain(ACTIONS.childrens);
  } finally {
    for (const page of context.pages()) await page.unrouteAll({ behavior: 'ignoreErrors' });
    await context.close();
  }
});
