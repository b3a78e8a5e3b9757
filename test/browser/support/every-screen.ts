/**
 * Every screen of the tab at one width (320 px, the Teams meeting side panel, as every demo role,
 * in screens-side-panel.test.ts; 1366 px as the coordinator, a rep and the chair, in
 * screens-full-width.test.ts: two files, so that jest runs them side by side): no sideways
 * scrolling (the document is never wider than the window), and (at 320 px) axe-core finds no
 * serious or critical violation. Screenshots go to
 * test-output/screens/w<width>-<role>-<screen>.png.
 *
 * Left out as a false positive of Fluent UI: the focus sentinels its focus manager (tabster)
 * inserts, `<i tabindex="0" aria-hidden="true" data-tabster-dummy>`, which axe reports as
 * aria-hidden-focus. They hand focus straight on to the next real control, so no one (keyboard or
 * screen reader) ever rests on them. Only those nodes are left out; the rule runs on the rest.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { referralForm } from '../../bot/referrals/fixtures.js';
import { signIn, startApp, type TestApp } from '../../support/start-app.js';
import { londonToday } from '../../../tab/src/format/dates.js';
import { launchChromium } from './chromium.js';
import { fillReferral, openSession, signInAs } from './tab-session.js';

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
/** Nodes axe does not check, each a false positive of the UI library (see above). */
const EXCLUDED_NODES = ['[data-tabster-dummy]'];
const AXE = createRequire(__filename).resolve('axe-core/axe.min.js');

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
  // A referral in the queue, so the coordinator's queue and detail have something to show.
  const { context, page } = await openSession(browser);
  await signInAs(page, app.url, ROLES[1]![1]);
  await page.getByRole('tab', { name: 'Refer a case', exact: true }).click();
  await fillReferral(page, AREA, { name: 'Wilhelmina Ashcombe-Petrie', dob: '1988-02-29' });
  await page.getByRole('button', { name: 'Submit to the coordinator' }).click();
  await page
    .getByTestId('referral-receipt')
    .getByText(/Submitted/)
    .waitFor();
  await context.close();
}

/**
 * Whether `check` runs axe. At full width it does not: axe's findings (names, roles, contrast)
 * are the same at both widths, the side panel is where they are checked for every screen, and
 * each feature's own test runs axe at full width in the dark theme. Full width still checks the
 * width and takes the screenshot. (It halves the slowest pair of suites.)
 */
let withAxe = true;

/**
 * The roles walked at full width: each screen's widest content (the coordinator's tables, the
 * rep's research, the chair's meeting). The IDVA, admin and observer see fewer tabs of the same
 * screens, each walked at 320 px, where a layout breaks first.
 */
const WIDE_ROLES = ROLES.filter(([role]) => ['coordinator', 'rep', 'chair'].includes(role));

/** Checks the screen as it is now: width, axe, and a screenshot to look at. */
async function check(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  if (scrollWidth > innerWidth)
    problems.push(`${name}: ${scrollWidth} px wide in a ${innerWidth} px window`);
  await page.screenshot({ path: `${SCREENS}/${name}.png`, animations: 'disabled' });
  if (!withAxe) return;
  // Evaluated through the debugging protocol, so the tab's own CSP stays on as users have it.
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.evaluate(await readFile(AXE, 'utf8'));
  const violations = await page.evaluate(async (excluded) => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const context = { include: [document], exclude: excluded.map((selector) => [selector]) };
    const result = await axe.run(context as never, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  }, EXCLUDED_NODES);
  for (const v of violations) problems.push(`${name}: ${v}`);
}

async function openTab(page: Page, name: string): Promise<boolean> {
  const tab = page.getByRole('tab', { name, exact: true });
  if ((await tab.count()) === 0) return false;
  await tab.click();
  return true;
}

async function walk(role: string, email: string, width: number): Promise<void> {
  const { context, page } = await openSession(browser, { width, height: 800 });
  const at = (screen: string) => `w${width}-${role}-${screen}`;
  if (role === 'coordinator') {
    await page.goto(app.url);
    await page.getByRole('heading', { name: 'Sign in to MARAC' }).waitFor();
    await check(page, `w${width}-sign-in`);
  }
  await signInAs(page, app.url, email);
  await page.getByRole('tab', { name: AREA, exact: true }).click();
  await check(page, at('meetings'));

  if (await openTab(page, 'Referrals')) {
    await page.getByTestId('referral-queue').waitFor();
    await check(page, at('queue'));
    await page
      .getByRole('button', { name: /^Open / })
      .first()
      .click();
    await page.getByTestId('referrer-facts').waitFor();
    await page.getByTestId('dash-answers').waitFor();
    await check(page, at('detail'));
  }
  if (await openTab(page, 'Refer a case')) {
    await page.getByTestId('dash-q24').waitFor();
    await check(page, at('refer'));
    await page.getByRole('button', { name: 'Submit to the coordinator' }).click();
    await page.getByTestId('error-summary').waitFor();
    await check(page, at('refer-problems'));
  }
  await openTab(page, 'My referrals');
  await page.getByRole('heading', { name: 'My referrals' }).waitFor();
  await check(page, at('mine'));

  // A meeting's live stream never ends, so the network would never be idle: held here for the
  // meeting screens (meeting.test.ts follows it). On a day the demo has a meeting, My meetings
  // opens it and follows it too.
  await page.route('**/run/events', (route) => route.abort());
  await page.goto(`${app.url}/meeting`);
  await page.waitForLoadState('networkidle');
  await check(page, at('meeting-panel'));
  // One meeting as it runs: the statement and register, or the refusal of one not on it.
  await page.goto(`${app.url}/meeting/${research.meetingId}`);
  await page
    .getByRole('heading', { name: /^MARAC on / })
    .or(page.getByRole('alert'))
    .first()
    .waitFor();
  await check(page, at('meeting-view'));
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
  await check(page, at('agenda'));
  await walkResearch(page, role, at);
  await context.close();
}

/** The research screens: My research, a rep's form and its problems, the matrix, a case. */
async function walkResearch(page: Page, role: string, at: (screen: string) => string) {
  const { meetingId: m, referralId, police } = research;
  await page.goto(`${app.url}/research`);
  await page.getByTestId('my-research').or(page.getByTestId('no-research')).first().waitFor();
  await check(page, at('research-mine'));
  if (role === 'rep') {
    await page.goto(`${app.url}/research/${m}/${police}`);
    await page.getByTestId('research-case').first().waitFor();
    await check(page, at('research-form'));
    await page.getByRole('button', { name: 'Submit', exact: true }).first().click();
    await page.getByTestId('error-summary').waitFor();
    await check(page, at('research-problems'));
  }
  await page.goto(`${app.url}/research/${m}/matrix`);
  await page
    .getByTestId('research-matrix')
    .or(page.getByTestId('not-on-meeting'))
    .or(page.getByRole('alert'))
    .first()
    .waitFor();
  await check(page, at('research-matrix'));
  if (role === 'coordinator') {
    await page.goto(`${app.url}/research/${m}/cases/${referralId}`);
    await page.getByTestId('case-response').first().waitFor();
    await check(page, at('research-case'));
    await page.goto(app.url);
    await page.getByRole('tab', { name: AREA, exact: true }).click();
    await page.getByRole('button', { name: 'Edit research settings' }).click();
    await page.getByRole('form', { name: 'Research settings' }).waitFor();
    await check(page, at('research-settings'));
  }
}

/**
 * The suite at one width: one app and one browser for the file, every role walked through every
 * screen, then the public pages.
 */
export function everyScreenAt(width: number): void {
  jest.setTimeout(600_000);
  beforeAll(setUp, 300_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  withAxe = width <= 320;
  const what = withAxe
    ? 'as every role: no sideways scroll, no serious axe finding'
    : 'as the coordinator, a rep and the chair: no sideways scroll';
  test(`every screen at ${width} px, ${what}`, async () => {
    problems.length = 0;
    for (const [role, email] of withAxe ? ROLES : WIDE_ROLES) await walk(role, email, width);
    const { context, page } = await openSession(browser, { width, height: 800 });
    for (const path of ['privacy', 'terms', 'config']) {
      await page.goto(`${app.url}/${path}`);
      await check(page, `w${width}-${path}`);
    }
    await context.close();
    expect(problems).toEqual([]);
  });
}
