/**
 * Research in the tab, in a real Chromium against the real server in local mode with demo data:
 * the coordinator accepts three invented cases and publishes the agenda (through the API, as
 * test/bot/agendas/publish-agenda.test.ts does), which asks the agencies for research. A police
 * rep finds the meeting under My research, is told what a submission lacks (error summary, focus
 * moved, what was typed kept), submits one case, saves a draft of another and records "nothing
 * known" for the third. The coordinator lets the chair and coordinator read research before the
 * meeting, sees the rep's cells in the matrix, reads the police answer on the case, and chases
 * an agency. The research screens are checked at 320 px and full width in light, dark and high
 * contrast (axe-core, no sideways scroll). Screenshots go to test-output/screens/research-*.png.
 */
import { mkdir } from 'node:fs/promises';
import type { Browser, Frame, Page } from 'playwright-core';
import type { ResearchMatrix } from '#core/contracts/research-api.js';
import { formatDate } from '../../tab/src/format/dates.js';
import { referralForm } from '../bot/referrals/fixtures.js';
import { signIn, startApp, type TestApp } from '../support/start-app.js';
import { seriousAxeViolations, sidewaysOverflow } from './support/axe.js';
import { launchChromium } from './support/chromium.js';
import { FakeM365Host } from './support/fake-m365-host.js';
import { atBothWidths, NARROW, THEMES } from './support/widths.js';
import { field, openSession, signInAs } from './support/tab-session.js';

const SCREENS = 'test-output/screens';
const AREA = 'Northbrook and Wellfield';
const COORDINATOR = 'rosalind.marsh@riverside-partnership.example';
const POLICE_REP = 'dana.whitcombe@police.example';
const CHILD = 'Wren Calloway';
/** Invented victims: one case with a child, two adult-only. */
const VICTIMS = ['Amelia Hart-Lowe', 'Bryony Castellan', 'Corin Ashdown'];
const BAIL = 'Bail conditions until March; two callouts this year.';

jest.setTimeout(300_000);

let app: TestApp;
let browser: Browser;
let host: FakeM365Host;
let meetingId: string;
let meetingDate: string;
let police: string;
/** The cases' references in agenda order: [with the child, adult, adult]. */
let refs: string[];
/** When research closes; the server's clock is the real one until the last test moves it. */
let deadline: string;
let clock: Date | null = null;

type Call = (route: string, init?: RequestInit) => Promise<Response>;
const json = async <T>(response: Response | Promise<Response>): Promise<T> => {
  const answer = await response;
  if (!answer.ok) throw new Error(`${answer.status}: ${await answer.text()}`);
  return (await answer.json()) as T;
};
const post = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body) });

beforeAll(async () => {
  await mkdir(SCREENS, { recursive: true });
  app = await startApp({
    now: () => clock ?? new Date(),
    env: { RATE_LIMIT_PER_MINUTE: '100000' },
  });
  browser = await launchChromium();
  host = await FakeM365Host.start();
  const coordinator: Call = await signIn(app, COORDINATOR);
  const areaId = (await app.db.query<{ id: string }>(`SELECT id FROM area WHERE name = $1`, [AREA]))
    .rows[0]!.id;
  police = (
    await app.db.query<{ id: string }>(
      `SELECT g.id FROM agency g JOIN area_agency aa ON aa.agency_id = g.id
        WHERE aa.area_id = $1 AND g.kind = 'police'`,
      [areaId],
    )
  ).rows[0]!.id;
  const ids: string[] = [];
  for (const [i, name] of VICTIMS.entries()) {
    const form = referralForm({
      areaId,
      referrerAgencyId: police,
      victim: { ...referralForm({ areaId, referrerAgencyId: police }).victim, name },
      children:
        i === 0
          ? [
              {
                name: CHILD,
                dateOfBirth: '2016-03-02',
                relationshipToVictim: 'son',
                relationshipToPerpetrator: 'son',
                livesInHousehold: true,
              },
            ]
          : [],
      childrensServicesReferralMade: i === 0 ? true : null,
    });
    const { id } = await json<{ id: string }>(
      coordinator('/api/referrals', post({ form, submit: true })),
    );
    await json(coordinator(`/api/referrals/${id}/accept`, post({})));
    ids.push(id);
  }
  const meeting = await app.db.query<{ meeting_id: string; date: string }>(
    `SELECT r.meeting_id, to_char(m.date, 'YYYY-MM-DD') AS date
       FROM referral r JOIN meeting m ON m.id = r.meeting_id WHERE r.id = $1`,
    [ids[0]],
  );
  meetingId = meeting.rows[0]!.meeting_id;
  meetingDate = meeting.rows[0]!.date;
  expect((await coordinator(`/api/meetings/${meetingId}/agenda/publish`, post({}))).status).toBe(
    201,
  );
  const matrix = await json<ResearchMatrix>(coordinator(`/api/meetings/${meetingId}/research`));
  const byId = new Map(matrix.cases.map((c) => [c.referralId, c.reference]));
  refs = ids.map((id) => byId.get(id)!);
  deadline = matrix.deadline;
  // Agenda order: the case with a child comes first.
  expect(matrix.cases[0]!.reference).toBe(refs[0]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await app?.stop();
});

const shot = (page: Page, name: string, fullPage = false) =>
  page.screenshot({ path: `${SCREENS}/research-${name}.png`, fullPage, animations: 'disabled' });

const researchCase = (page: Page, ref: string) =>
  page.locator(`[data-testid="research-case"][data-reference="${ref}"]`);

it('a rep finds the meeting, is told what a submission lacks, submits, saves a draft and records nothing known', async () => {
  const { context, page, logs } = await openSession(browser);
  await signInAs(page, app.url, POLICE_REP);
  await page.getByRole('link', { name: 'My research' }).click();
  await page.getByRole('heading', { name: 'My research', level: 1 }).waitFor();
  await page
    .getByRole('link', {
      name: `Give research for Riverside Police, meeting of ${formatDate(meetingDate)}`,
    })
    .click();
  await page.waitForURL(`**/research/${meetingId}/${police}`);
  await page
    .getByRole('heading', { name: `Research for the MARAC on ${formatDate(meetingDate)}` })
    .waitFor();
  await page
    .getByTestId('deadline')
    .getByText(/^Due by 17:00 on [A-Z][a-z]+day \d{1,2} [A-Z][a-z]+ \d{4} \(London time\)$/)
    .waitFor();

  // The first case is open; nothing is chosen for the rep.
  const first = researchCase(page, refs[0]!);
  await first.getByText(`${CHILD}, born Wed 2 Mar 2016`).waitFor();
  expect(await first.getByRole('radio', { checked: true }).count()).toBe(0);
  const current = field(page, 'case0.currentInvolvement').getByRole('textbox');
  await current.fill(BAIL);
  await field(page, 'case0.currentInvolvement')
    .getByText(`${BAIL.length} of 4,000 characters`)
    .waitFor();
  await first.getByRole('button', { name: 'Submit', exact: true }).click();

  // The summary names each missing answer in words and takes the focus; a link finds the field.
  const summary = first.getByTestId('error-summary');
  await summary.waitFor();
  expect(await summary.evaluate((box) => box === document.activeElement)).toBe(true);
  expect(await summary.getByRole('link').allInnerTexts()).toEqual([
    'Whether the case is known to your agency: choose yes, no or not known',
    `Your agency’s involvement with ${CHILD}: enter what your records show about this child, or "none"`,
    'Our records are flagged as a MARAC case: choose yes or no',
  ]);
  await field(page, 'case0.recordsFlagged')
    .getByText('Our records are flagged as a MARAC case: choose yes or no')
    .waitFor();
  await summary.getByRole('link', { name: /^Your agency’s involvement with/ }).click();
  const child = field(page, 'case0.children.0.involvement').getByRole('textbox');
  expect(await child.evaluate((t) => t === document.activeElement)).toBe(true);
  expect(await current.inputValue()).toBe(BAIL);
  await shot(page, 'rep-problems');

  await field(page, 'case0.knownToAgency').getByRole('radio', { name: 'Yes' }).check();
  await field(page, 'case0.historicalInvolvement')
    .getByRole('textbox')
    .fill('Two callouts in 2025, no charges.');
  await field(page, 'case0.professionalOpinion')
    .getByRole('textbox')
    .fill('The risk is rising since the separation.');
  await child.fill('Seen at one callout; no concerns recorded.');
  await field(page, 'case0.recordsFlagged').getByRole('radio', { name: 'No' }).check();

  // A refusal from the server lands in the same summary, by the field its path names, in the
  // server's words; nothing typed is lost. (Once, from a stand-in: the tab checks the same
  // rules first, so the real server would not refuse this answer.)
  await page.route(
    '**/research/*/agencies/*/submit',
    (route) =>
      route.fulfill({
        status: 400,
        contentType: 'application/json',
        body: JSON.stringify({
          error: {
            code: 'VALIDATION_FAILED',
            message: 'Check the answers.',
            details: [
              {
                path: 'body.response.historicalInvolvement',
                message: 'Historical involvement: say which years the callouts were in.',
              },
            ],
          },
        }),
      }),
    { times: 1 },
  );
  await first.getByRole('button', { name: 'Submit', exact: true }).click();
  await summary
    .getByRole('link', { name: 'Historical involvement: say which years the callouts were in.' })
    .click();
  const historical = field(page, 'case0.historicalInvolvement').getByRole('textbox');
  expect(await historical.evaluate((t) => t === document.activeElement)).toBe(true);
  expect(await historical.inputValue()).toBe('Two callouts in 2025, no charges.');

  await first.getByRole('button', { name: 'Submit', exact: true }).click();
  await first.getByText('Submitted.').waitFor();
  await first.locator('[data-status="submitted"]').waitFor();
  await first.getByText(/^Last changed by Dana Whitcombe, /).waitFor();
  expect(await first.getByTestId('error-summary').count()).toBe(0);

  // The second case: a draft, kept as typed.
  const second = researchCase(page, refs[1]!);
  await second.getByRole('button', { name: 'Open the form' }).click();
  await field(page, 'case1.currentInvolvement')
    .getByRole('textbox')
    .fill('Checking with the custody suite.');
  await second.getByRole('button', { name: 'Save draft' }).click();
  await second.getByText('Draft saved.').waitFor();
  await second.locator('[data-status="draft"]').waitFor();

  // "Nothing known" for the case not answered, after a confirmation.
  await page.getByRole('button', { name: 'Nothing known for the unanswered cases' }).click();
  const confirm = page.getByRole('alertdialog');
  await confirm.getByRole('heading', { name: 'Record nothing known for 1 case?' }).waitFor();
  expect(await confirm.innerText()).toContain(refs[2]);
  await confirm.getByRole('button', { name: 'Record nothing known' }).click();
  await page.getByText('Nothing known recorded for 1 case.').waitFor();
  await researchCase(page, refs[2]!).locator('[data-status="nothing-known"]').waitFor();
  await page.getByTestId('research-tally').getByText('2 of 3 cases answered').waitFor();
  expect(await field(page, 'case1.currentInvolvement').getByRole('textbox').inputValue()).toBe(
    'Checking with the custody suite.',
  );
  await shot(page, 'rep-answered', true);

  // The link a Teams notice carries goes to the rep's agency for that meeting.
  await page.goto(`${app.url}/research?meeting=${meetingId}`);
  await page.waitForURL(`**/research/${meetingId}/${police}`);
  await researchCase(page, refs[0]!).waitFor();

  // Ids only in the address; no one's name in the console.
  expect(page.url()).toMatch(/\/research\/[0-9a-f-]{36}\/[0-9a-f-]{36}$/);
  expect(logs.join('\n')).not.toMatch(new RegExp([...VICTIMS, CHILD, 'Dorian'].join('|')));
  await context.close();
});

it('the coordinator shares before the meeting, sees the submitted cell and reads the case', async () => {
  const { context, page } = await openSession(browser);
  await signInAs(page, app.url, COORDINATOR);
  await page.getByRole('tab', { name: AREA, exact: true }).click();
  const settings = page.getByRole('region', { name: 'Research' });
  await settings.getByText('Sharing: Status only').waitFor();
  await settings.getByRole('button', { name: 'Edit research settings' }).click();
  await settings.getByRole('radio', { name: /^Before the meeting/ }).check();
  await settings.getByRole('button', { name: 'Save research settings' }).click();
  await settings.getByText('Sharing: Before the meeting').waitFor();
  await settings.getByText('Reminders 3 and 1 working days before the meeting').waitFor();

  await page.goto(`${app.url}/agenda/${meetingId}`);
  await page.getByRole('link', { name: 'Research for this meeting' }).click();
  await page.waitForURL(`**/research/${meetingId}/matrix`);
  const matrix = page.getByTestId('research-matrix');
  const cell = (ref: string) =>
    matrix.locator(`tr[data-reference="${ref}"] td[data-agency="Riverside Police"]`);
  await cell(refs[0]!).getByText('Submitted').waitFor();
  await cell(refs[1]!).getByText('Draft').waitFor();
  await cell(refs[2]!).getByText('Nothing known').waitFor();
  await matrix
    .locator('[data-testid="agency-total"][data-agency="Riverside Police"]')
    .getByText('2 of 3')
    .waitFor();
  await shot(page, 'coordinator-matrix');

  await matrix.getByRole('link', { name: `Research on ${refs[0]}` }).click();
  await page.getByRole('heading', { name: `Research on ${refs[0]}` }).waitFor();
  const answer = page.locator('[data-testid="case-response"][data-agency="Riverside Police"]');
  await answer.getByText(BAIL).waitFor();
  await answer.getByText(/^Submitted by Dana Whitcombe, /).waitFor();
  await answer.getByText('The risk is rising since the separation.').waitFor();
  await shot(page, 'coordinator-case', true);
  await context.close();
});

it('the coordinator chases an agency with cases outstanding and is told how many reps', async () => {
  const { context, page } = await openSession(browser);
  await signInAs(page, app.url, COORDINATOR);
  await page.goto(`${app.url}/research/${meetingId}/matrix`);
  const matrix = page.getByTestId('research-matrix');
  await matrix.waitFor();
  // A draft still owes an answer: the police, with one, can be chased too.
  await page.getByRole('button', { name: 'Chase Riverside Police' }).waitFor();
  await page.getByRole('button', { name: 'Chase Housing Options' }).click();
  const confirm = page.getByRole('alertdialog');
  await confirm.getByText(/reminder in Teams for the 3 cases not answered yet/).waitFor();
  await confirm.getByRole('button', { name: 'Chase Housing Options' }).click();
  await page
    .getByTestId('chased')
    .getByText(/^Housing Options: [1-9]\d* reps? reminded\.$/)
    .waitFor();
  await shot(page, 'coordinator-chased');
  await context.close();
});

describe.each(THEMES)('in the %s theme', (theme) => {
  it.each([
    ['matrix', COORDINATOR, () => `/research/${meetingId}/matrix`, 'research-matrix'],
    ['form', POLICE_REP, () => `/research/${meetingId}/${police}`, 'research-case'],
  ] as const)(
    'the research %s has no sideways scroll and no serious axe finding at 320 px and full width',
    async (screen, email, path, ready) => {
      const context = await browser.newContext({
        viewport: { width: NARROW, height: 1600 },
        locale: 'en-GB',
      });
      try {
        const page = await context.newPage();
        const { frame, tabFrame } = await host.open(page, app.url, { path: path(), theme });
        await frame.getByRole('button', { name: new RegExp(email.replace(/\./g, '\\.')) }).click();
        await frame.getByTestId(ready).first().waitFor();
        await atBothWidths(page, theme, async (width, withAxe) => {
          const tab: Frame = tabFrame();
          expect(await sidewaysOverflow(tab)).toBeLessThanOrEqual(0);
          await page.screenshot({
            path: `${SCREENS}/research-w${width}-${theme}-${screen}.png`,
            animations: 'disabled',
          });
          if (withAxe) expect(await seriousAxeViolations(tab)).toEqual([]);
        });
      } finally {
        for (const page of context.pages()) await page.unrouteAll({ behavior: 'ignoreErrors' });
        await context.close();
      }
    },
  );
});

it('after the deadline the rep reads the answers under a line that says so, and nothing can be sent', async () => {
  clock = new Date(Date.parse(deadline) + 60 * 60 * 1000);
  const { context, page } = await openSession(browser);
  await signInAs(page, app.url, POLICE_REP);
  await page.goto(`${app.url}/research/${meetingId}/${police}`);
  const closed = page.getByTestId('deadline');
  await closed.getByText('Closed').waitFor();
  await closed.getByText(/has passed: your research can be read but no longer changed/).waitFor();
  expect(
    await page.getByRole('button', { name: /^(Submit|Save draft|Nothing known)/ }).count(),
  ).toBe(0);
  const first = researchCase(page, refs[0]!);
  await first.getByRole('button', { name: 'Show the answers' }).click();
  await first.getByTestId('research-response').getByText(BAIL).waitFor();
  expect(await first.getByRole('textbox').count()).toBe(0);
  await shot(page, 'rep-closed', true);

  // The coordinator's matrix reads late where an agency never answered.
  const coordinator = await openSession(browser);
  await signInAs(coordinator.page, app.url, COORDINATOR);
  await coordinator.page.goto(`${app.url}/research/${meetingId}/matrix`);
  await coordinator.page
    .locator(`tr[data-reference="${refs[0]}"] td[data-agency="Housing Options"]`)
    .getByText('Late: not answered')
    .waitFor();
  await coordinator.context.close();
  await context.close();
});
