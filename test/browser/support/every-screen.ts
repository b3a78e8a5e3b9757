/**
 * Every screen of the tab as the demo roles, at 320 px (the Teams meeting side panel) and, for
 * the coordinator, a rep and the chair, at 1366 px too: no sideways scrolling (the document is
 * never wider than the window), and at 320 px axe-core finds no serious or critical violation.
 * Each screen is opened once and checked at both widths by resizing the window, so the walk is
 * not repeated for the second width. The roles are split over two files
 * (screens-partnership.test.ts and screens-agencies.test.ts) so that jest runs them side by
 * side. Screenshots go to test-output/screens/w<width>-<role>-<screen>.png.
 *
 * Why axe only at 320 px: its findings (names, roles, contrast) are the same at both widths, and
 * each feature's own test runs axe in every theme. The observer, who sits on no meeting, sees the
 * refusals and fewer tabs, at 320 px only, where a layout breaks first. The IDVA and the admin see
 * the same screens as a rep and as the observer, so they are not walked again.
 * (axe leaves out Fluent UI's focus sentinels only: see support/axe.ts.)
 */
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { referralForm } from '../../bot/referrals/fixtures.js';
import { signIn, startApp, type TestApp } from '../../support/start-app.js';
import { londonToday } from '../../../tab/src/format/dates.js';
import { seriousAxeViolations } from './axe.js';
import { launchChromium } from './chromium.js';
import { NARROW, resize, WIDE } from './widths.js';
import { openSession, signInAs } from './tab-session.js';

const SCREENS = 'test-output/screens';
const AREA = 'Northbrook and Wellfield';
const ROLES: [string, string][] = [
  ['coordinator', 'rosalind.marsh@riverside-partnership.example'],
  ['rep', 'dana.whitcombe@police.example'],
  ['chair', 'inspector.amos.kettering@police.example'],
  ['idva', 'lowri.blackwood@idva.example'],
  ['admin', 'tobias.fenwick@riverside-partnership.example'],
  ['observer', 'ottilie.sandberg@riverside-partnership.example'],
];

let app: TestApp;
let browser: Browser;
/** The area's next meeting, whose agenda page every role opens. */
let meetingId: string;
/** A meeting with an accepted case and a published agenda, for the research screens. */
let research: { meetingId: string; referralId: string; police: string };
const problems: string[] = [];

async function setUp(): Promise<void> {
  await mkdir(SCREENS, { recursive: true });
  app = await startApp();
  browser = await launchChromium();
  const coordinator = await signIn(app, ROLES[0]![1]);
  const areas = (await (await coordinator('/api/areas')).json()) as { id: string; name: string }[];
  const areaId = areas.find((a) => a.name === AREA)!.id;
  const meetings = (await (
    await coordinator(`/api/areas/${areaId}/meetings?from=${londonToday()}`)
  ).json()) as {
    id: string;
  }[];
  meetingId = meetings[0]!.id;
  // An accepted case on a published agenda: the research screens have a case to show.
  const police = (
    await app.db.query<{ id: string }>(
      `SELECT g.id FROM agency g JOIN area_agency aa ON aa.agency_id = g.id
        WHERE aa.area_id = $1 AND g.kind = 'police'`,
      [areaId],
    )
  ).rows[0]!.id;
  const post = (body: unknown) => ({ method: 'POST', body: JSON.stringify(body) });
  const created = await coordinator(
    '/api/referrals',
    post({
      form: referralForm({
        areaId,
        referrerAgencyId: police,
        victim: {
          ...referralForm({ areaId, referrerAgencyId: police }).victim,
          name: 'Odile Marchetti-Vane',
        },
      }),
      submit: true,
    }),
  );
  const referralId = ((await created.json()) as { id: string }).id;
  expect((await coordinator(`/api/referrals/${referralId}/accept`, post({}))).ok).toBe(true);
  const placed = await app.db.query<{ meeting_id: string }>(
    'SELECT meeting_id FROM referral WHERE id = $1',
    [referralId],
  );
  research = { meetingId: placed.rows[0]!.meeting_id, referralId, police };
  const published = await coordinator(
    `/api/meetings/${research.meetingId}/agenda/publish`,
    post({}),
  );
  expect(published.status).toBe(201);
  // A referral in the queue, so the coordinator's queue and detail have something to show: sent
  // by the rep through the API (the referral form's own test fills it in the browser).
  const rep = await signIn(app, ROLES[1]![1]);
  const queued = await rep(
    '/api/referrals',
    post({
      form: referralForm({
        areaId,
        referrerAgencyId: police,
        victim: {
          ...referralForm({ areaId, referrerAgencyId: police }).victim,
          name: 'Wilhelmina Ashcombe-Petrie',
          dateOfBirth: '1988-02-29',
        },
      }),
      submit: true,
    }),
  );
  expect(queued.status).toBe(201);
}

/** The roles whose walk is checked at full width as well: the widest content of each screen. */
const WIDE_ROLES = new Set(['coordinator', 'rep', 'chair']);
const HEIGHT = 800;

/** Whether the screen is wider than the window; its screenshot for a person to look at. */
async function checkWidth(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  if (scrollWidth > innerWidth)
    problems.push(`${name}: ${scrollWidth} px wide in a ${innerWidth} px window`);
  await page.screenshot({ path: `${SCREENS}/${name}.png`, animations: 'disabled' });
}

/**
 * Checks the screen as it is now at 320 px: width, axe, a screenshot; then, when `wide`, at
 * 1366 px (width and screenshot), and back to 320 px for the next screen.
 */
async function check(page: Page, name: string, wide: boolean): Promise<void> {
  await checkWidth(page, `w${NARROW}-${name}`);
  const violations = await seriousAxeViolations(page);
  for (const v of violations) problems.push(`w${NARROW}-${name}: ${v}`);
  if (!wide) return;
  await resize(page, WIDE, HEIGHT);
  await checkWidth(page, `w${WIDE}-${name}`);
  await resize(page, NARROW, HEIGHT);
}

async function openTab(page: Page, name: string): Promise<boolean> {
  const tab = page.getByRole('tab', { name, exact: true });
  if ((await tab.count()) === 0) return false;
  await tab.click();
  return true;
}

async function walk(role: string, email: string): Promise<void> {
  const { context, page } = await openSession(browser, { width: NARROW, height: HEIGHT });
  const wide = WIDE_ROLES.has(role);
  const look = (screen: string) => check(page, `${role}-${screen}`, wide);
  await signInAs(page, app.url, email);
  await page.getByRole('tab', { name: AREA, exact: true }).click();
  await look('meetings');

  if (await openTab(page, 'Referrals')) {
    await page.getByTestId('referral-queue').waitFor();
    await look('queue');
    await page
      .getByRole('button', { name: /^Open / })
      .first()
      .click();
    await page.getByTestId('referrer-facts').waitFor();
    await page.getByTestId('dash-answers').waitFor();
    await look('detail');
  }
  if (await openTab(page, 'Refer a case')) {
    await page.getByTestId('dash-q24').waitFor();
    await look('refer');
    await page.getByRole('button', { name: 'Submit to the coordinator' }).click();
    await page.getByTestId('error-summary').waitFor();
    await look('refer-problems');
  }
  await openTab(page, 'My referrals');
  await page.getByRole('heading', { name: 'My referrals' }).waitFor();
  await look('mine');

  // A meeting's live stream never ends, so the network would never be idle: held here for the
  // meeting screens (meeting.test.ts follows it). On a day the demo has a meeting, My meetings
  // opens it and follows it too.
  await page.route('**/run/events', (route) => route.abort());
  await page.goto(`${app.url}/meeting`);
  await page.waitForLoadState('networkidle');
  await look('meeting-panel');
  // One meeting as it runs: the statement and register, or the refusal of one not on it.
  await page.goto(`${app.url}/meeting/${research.meetingId}`);
  await page
    .getByRole('heading', { name: /^MARAC on / })
    .or(page.getByRole('alert'))
    .first()
    .waitFor();
  await look('meeting-view');
  await page.unroute('**/run/events');

  // The agenda page: the coordinator's draft, the published agenda (none yet), or a refusal.
  await page.goto(`${app.url}/agenda/${meetingId}`);
  await page
    .getByTestId('draft-agenda')
    .or(page.getByTestId('no-agenda'))
    .or(page.getByTestId('not-on-meeting'))
    .or(page.getByTestId('published-agenda'))
    .first()
    .waitFor();
  await look('agenda');
  await walkResearch(page, role, look);
  await context.close();
}

/** The research screens: My research, a rep's form and its problems, the matrix, a case. */
async function walkResearch(page: Page, role: string, look: (screen: string) => Promise<void>) {
  const { meetingId: m, referralId, police } = research;
  await page.goto(`${app.url}/research`);
  await page.getByTestId('my-research').or(page.getByTestId('no-research')).first().waitFor();
  await look('research-mine');
  if (role === 'rep') {
    await page.goto(`${app.url}/research/${m}/${police}`);
    await page.getByTestId('research-case').first().waitFor();
    await look('research-form');
    await page.getByRole('button', { name: 'Submit', exact: true }).first().click();
    await page.getByTestId('error-summary').waitFor();
    await look('research-problems');
  }
  await page.goto(`${app.url}/research/${m}/matrix`);
  await page
    .getByTestId('research-matrix')
    .or(page.getByTestId('not-on-meeting'))
    .or(page.getByRole('alert'))
    .first()
    .waitFor();
  await look('research-matrix');
  if (role === 'coordinator') {
    await page.goto(`${app.url}/research/${m}/cases/${referralId}`);
    await page.getByTestId('case-response').first().waitFor();
    await look('research-case');
    await page.goto(app.url);
    await page.getByRole('tab', { name: AREA, exact: true }).click();
    await page.getByRole('button', { name: 'Edit research settings' }).click();
    await page.getByRole('form', { name: 'Research settings' }).waitFor();
    await look('research-settings');
  }
}

/**
 * The suite for some of the roles: one app and one browser for the file, each role walked through
 * every screen; `withPublicPages`: the sign-in page, and the privacy, terms and configuration pages.
 */
export function everyScreenAs(roles: string[], withPublicPages: boolean): void {
  jest.setTimeout(600_000);
  beforeAll(setUp, 300_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  test(`every screen as ${roles.join(', ')}: no sideways scroll, no serious axe finding`, async () => {
    problems.length = 0;
    for (const [role, email] of ROLES.filter(([r]) => roles.includes(r))) await walk(role, email);
    if (withPublicPages) {
      const { context, page } = await openSession(browser, { width: NARROW, height: HEIGHT });
      await page.goto(app.url);
      await page.getByRole('heading', { name: 'Sign in to MARAC' }).waitFor();
      await check(page, 'sign-in', true);
      for (const path of ['privacy', 'terms', 'config']) {
        await page.goto(`${app.url}/${path}`);
        await check(page, path, true);
      }
      await context.close();
    }
    expect(problems).toEqual([]);
  });
}
