/**
 * The meeting tab in a real Chromium against the real server in local mode with demo data. The
 * coordinator accepts four invented cases (two with children) and publishes the agenda; an earlier
 * meeting of the area has an action still open. The chair runs the whole meeting: the statement,
 * the register, the review of the earlier action, three cases with actions (one an urgent child
 * safeguarding decision), one case deferred, and close. A police rep in a second browser sees no
 * case before confirming the statement, then follows the current case live as the chair moves.
 * After close, the chair and the coordinator correct one action at once: the second is shown the
 * first's change and keeps their own words. The meeting screens are checked in light, dark and
 * high contrast at 320 px and 1366 px (axe-core, no sideways scroll); screenshots go to
 * test-output/screens/meeting-*.png.
 */
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import type { Browser, Frame, Page } from 'playwright-core';
import { londonDateOf, londonTimeOf } from '#core/calendar/london-time.js';
import type { MeetingRun, RunCaseDetail } from '#core/contracts/meeting-api.js';
import { referralForm } from '../bot/referrals/fixtures.js';
import { signIn, startApp, type TestApp } from '../support/start-app.js';
import { seriousAxeViolations, sidewaysOverflow } from './support/axe.js';
import { launchChromium } from './support/chromium.js';
import { FakeM365Host } from './support/fake-m365-host.js';
import { field, openSession, signInAs } from './support/tab-session.js';
import { atBothWidths, NARROW, THEMES } from './support/widths.js';

const SCREENS = 'test-output/screens';
const AREA = 'Northbrook and Wellfield';
const COORDINATOR = 'rosalind.marsh@riverside-partnership.example';
const CHAIR = 'inspector.amos.kettering@police.example';
const POLICE_REP = 'dana.whitcombe@police.example';
const OBSERVER = 'ottilie.sandberg@riverside-partnership.example';
/** Invented victims: the first two with a child each (heard first), then two adult-only. */
const VICTIMS = ['Amelia Hart-Lowe', 'Bryony Castellan', 'Corin Ashdown', 'Delphine Oakridge'];
const CHILDREN = ['Wren Calloway', 'Ivo Castellan'];
const EARLIER_ACTION = 'Fit a video doorbell at the family home';

jest.setTimeout(400_000);

let app: TestApp;
let browser: Browser;
let host: FakeM365Host;
let meetingId: string;
let police: string;
/** References in the order the cases were made; the referral of each. */
let refs: string[];
const referralOf = new Map<string, string>();
/**
 * The server's clock runs this far ahead of the real one: the chair can start a meeting only from
 * 30 minutes before its start, and the demo meeting is days away.
 */
let offset = 0;
const serverNow = () => new Date(Date.now() + offset);

type Call = (route: string, init?: RequestInit) => Promise<Response>;
const json = async <T>(response: Response | Promise<Response>): Promise<T> => {
  const answer = await response;
  if (!answer.ok) throw new Error(`${answer.status}: ${await answer.text()}`);
  return (await answer.json()) as T;
};
const post = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body) });

beforeAll(async () => {
  await mkdir(SCREENS, { recursive: true });
  app = await startApp({ now: serverNow, env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  browser = await launchChromium();
  host = await FakeM365Host.start();
  const coordinator: Call = await signIn(app, COORDINATOR);
  const areaId = (await app.db.query<{ id: string }>(`SELECT id FROM area WHERE name = $1`, [AREA]))
    .rows[0]!.id;
  // Not the default 72: the chair's one-click due time for a children's services task is the
  // area protocol's.
  await app.db.query(
    `UPDATE area SET protocol = protocol || '{"actionTaskHours": 48}'::jsonb WHERE id = $1`,
    [areaId],
  );
  police = (
    await app.db.query<{ id: string }>(
      `SELECT g.id FROM agency g JOIN area_agency aa ON aa.agency_id = g.id
        WHERE aa.area_id = $1 AND g.kind = 'police'`,
      [areaId],
    )
  ).rows[0]!.id;
  const ids: string[] = [];
  for (const [i, name] of VICTIMS.entries()) {
    const base = referralForm({ areaId, referrerAgencyId: police });
    const child = CHILDREN[i];
    const form = referralForm({
      areaId,
      referrerAgencyId: police,
      victim: { ...base.victim, name },
      children: child
        ? [
            {
              name: child,
              dateOfBirth: '2017-05-04',
              relationshipToVictim: 'son',
              relationshipToPerpetrator: 'son',
              livesInHousehold: true,
            },
          ]
        : [],
      childrensServicesReferralMade: child ? true : null,
    });
    const { id } = await json<{ id: string }>(
      coordinator('/api/referrals', post({ form, submit: true })),
    );
    await json(coordinator(`/api/referrals/${id}/accept`, post({})));
    ids.push(id);
  }
  meetingId = (
    await app.db.query<{ meeting_id: string }>(`SELECT meeting_id FROM referral WHERE id = $1`, [
      ids[0],
    ])
  ).rows[0]!.meeting_id;
  expect((await coordinator(`/api/meetings/${meetingId}/agenda/publish`, post({}))).status).toBe(
    201,
  );
  const view = await json<MeetingRun>(
    (await signIn(app, COORDINATOR))(`/api/meetings/${meetingId}/run`),
  );
  expect(view.casesHidden).toBe(true);
  // The references come from the agenda: the coordinator's view of it, in agenda order.
  const agenda = await json<{ reference: string; referralId: string }[]>(
    coordinator(`/api/meetings/${meetingId}/cases`),
  );
  const byId = new Map(agenda.map((c) => [c.referralId, c.reference]));
  refs = ids.map((id) => byId.get(id)!);
  for (const id of ids) referralOf.set(byId.get(id)!, id);
  await seedEarlierAction(areaId, ids[2]!, refs[2]!);
  const { starts_at: startsAt } = (
    await app.db.query<{ starts_at: Date }>(`SELECT starts_at FROM meeting WHERE id = $1`, [
      meetingId,
    ])
  ).rows[0]!;
  offset = new Date(startsAt).getTime() - Date.now() - 5 * 60_000;
}, 240_000);

/**
 * An earlier meeting of the area, a fortnight before, where an action on one of the cases was
 * agreed and is still open: the review at this meeting lists it. Through the store, as the
 * earlier meeting's chair would have recorded it.
 */
async function seedEarlierAction(areaId: string, referralId: string, reference: string) {
  const earlier = randomUUID();
  await app.db.query(
    `INSERT INTO meeting (id, area_id, series_id, pattern_date, date, start_time, starts_at, ends_at, status)
     SELECT $1, area_id, NULL, date - 14, date - 14, start_time, starts_at - interval '14 days',
            ends_at - interval '14 days', 'scheduled'
       FROM meeting WHERE id = $2`,
    [earlier, meetingId],
  );
  const { case_id: caseId } = (
    await app.db.query<{ case_id: string }>(`SELECT case_id FROM referral WHERE id = $1`, [
      referralId,
    ])
  ).rows[0]!;
  // The case was heard there: its reference names the action in the review.
  await app.db.query(
    `INSERT INTO meeting_case (meeting_id, referral_id, case_id, position, reference, has_children, state)
     VALUES ($1, $2, $3, 1, $4, false, 'heard')`,
    [earlier, referralId, caseId, reference],
  );
  const at = new Date(Date.now() - 14 * 24 * 3600 * 1000);
  await app.services.uow.run((repos) =>
    repos.meetingActions.insert({
      id: randomUUID(),
      meetingId: earlier,
      referralId,
      caseId,
      areaId,
      ownerAgencyId: police,
      ownerPerson: null,
      what: EARLIER_ACTION,
      risk: 'The ex-partner comes to the door at night',
      dueAt: new Date(Date.now() - 3 * 24 * 3600 * 1000),
      urgent: null,
      status: 'open',
      createdBy: null,
      createdAt: at,
      updatedBy: null,
      updatedAt: at,
      version: 1,
    }),
  );
}

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await app?.stop();
});

const shot = (page: Page, name: string, fullPage = false) =>
  page.screenshot({ path: `${SCREENS}/meeting-${name}.png`, fullPage, animations: 'disabled' });
const runCase = (page: Page, ref: string) =>
  page.locator(`[data-testid="run-case"][data-reference="${ref}"]`);
const currentCase = (page: Page) => page.getByTestId('current-case');

/** An instant a few hours ahead, in London words: inside an urgent action's 24 hours. */
function hoursAhead(hours: number) {
  const at = new Date(serverNow().getTime() + hours * 3600 * 1000);
  return { date: londonDateOf(at), time: londonTimeOf(at) };
}

async function addAction(
  page: Page,
  ref: string,
  action: { what: string; risk: string; due: { date: string; time: string }; urgent: string },
) {
  const form = page.getByRole('form', { name: 'New action' });
  await form.getByLabel('Owner agency').selectOption({ label: 'Riverside Police' });
  await form.getByLabel('What exactly').fill(action.what);
  await form.getByLabel('Due date').fill(action.due.date);
  await form.getByLabel('Due time').fill(action.due.time);
  await form.getByLabel('The risk it addresses').fill(action.risk);
  await form.getByRole('radio', { name: action.urgent, exact: true }).check();
  await form.getByRole('button', { name: 'Add action' }).click();
  await currentCase(page).getByTestId('action').getByText(action.what).waitFor();
  expect(await currentCase(page).getAttribute('data-reference')).toBe(ref);
}

/** The chair moves on; the rep's view follows to the same case, says so and takes the focus. */
async function moveTo(chair: Page, rep: Page, ref: string, button: string) {
  await chair.getByRole('button', { name: button }).click();
  await currentCase(chair)
    .and(chair.locator(`[data-reference="${ref}"]`))
    .waitFor();
  await currentCase(rep)
    .and(rep.locator(`[data-reference="${ref}"]`))
    .waitFor();
  await rep.getByTestId('announcement').getByText(`Now hearing case ${ref}`).waitFor();
  await rep.getByRole('heading', { name: `Case ${ref}`, level: 2 }).waitFor();
  await rep.waitForFunction((text) => document.activeElement?.textContent === text, `Case ${ref}`);
}

it('the chair runs the whole meeting and a rep follows it live, seeing no case before confirming', async () => {
  const chair = await openSession(browser);
  const rep = await openSession(browser, { width: 320, height: 900 });
  await signInAs(chair.page, app.url, CHAIR);
  await signInAs(rep.page, app.url, POLICE_REP);
  await rep.page.goto(`${app.url}/meeting/${meetingId}`);
  await chair.page.goto(`${app.url}/meeting/${meetingId}`);

  // Before confirming, the rep reads the statement and the register: no case, no reference.
  await rep.page.getByTestId('statement').waitFor();
  await rep.page.getByRole('heading', { name: 'Attendance' }).waitFor();
  const before = await rep.page.locator('main').innerText();
  for (const ref of refs) expect(before).not.toContain(ref);
  expect(await rep.page.getByTestId('run-case').count()).toBe(0);
  await shot(rep.page, 'rep-statement');
  expect(await sidewaysOverflow(rep.page)).toBeLessThanOrEqual(0);
  expect(await seriousAxeViolations(rep.page)).toEqual([]);

  // The register: nothing was chosen for anyone. Confirming the statement marks the chair present.
  const register = chair.page.getByTestId('attendee');
  await register.first().waitFor();
  expect(await register.getByRole('radio', { checked: true }).count()).toBe(0);
  expect(await register.getByRole('checkbox', { checked: true }).count()).toBe(0);
  await chair.page.getByRole('button', { name: 'I confirm' }).click();
  await chair.page.getByRole('heading', { name: 'Running order' }).waitFor();
  // The coordinator joins too (from their own screen; here through the API).
  const coordinator = await signIn(app, COORDINATOR);
  await json(coordinator(`/api/meetings/${meetingId}/confidentiality`, post({ confirm: true })));
  await register
    .filter({ hasText: 'Amos Kettering' })
    .getByRole('radio', { name: 'Present', checked: true })
    .waitFor();
  const repRow = register.filter({ hasText: 'Dana Whitcombe' });
  await repRow.getByRole('radio', { name: 'Present' }).check();
  await repRow.getByRole('checkbox', { name: 'Information sent in advance' }).check();
  await repRow
    .getByRole('checkbox', { name: 'Information sent in advance', checked: true })
    .waitFor();
  // The chair lists an observer: on the register, to confirm the statement as everyone does.
  const observerForm = chair.page.getByRole('form', { name: 'List an observer' });
  await observerForm.getByRole('button', { name: 'List as observer' }).click();
  await observerForm.getByText('Observer: choose the person to list').waitFor();
  await observerForm.getByLabel('Observer').selectOption({ label: 'Ottilie Sandberg' });
  await observerForm.getByRole('button', { name: 'List as observer' }).click();
  await register.filter({ hasText: 'Ottilie Sandberg, Observer' }).waitFor();
  // The rep's own row follows live; they confirm the statement, and then see the cases.
  await rep.page
    .getByTestId('attendee')
    .filter({ hasText: 'Dana Whitcombe' })
    .getByRole('radio', { name: 'Present', checked: true })
    .waitFor();
  // By keyboard: the button takes the focus and Enter presses it.
  await rep.page.getByRole('button', { name: 'I confirm' }).focus();
  await rep.page.keyboard.press('Enter');
  await runCase(rep.page, refs[0]!).waitFor();
  await chair.page
    .getByTestId('attendee')
    .filter({ hasText: 'Dana Whitcombe' })
    .getByText(/^Agency representative\. Confirmed the statement at \d\d:\d\d$/)
    .waitFor();

  // The chair starts the meeting (five minutes early); the review is recorded from then on.
  await chair.page
    .getByTestId('review-item')
    .getByText('The review is recorded once the chair starts the meeting.')
    .waitFor();
  await chair.page.getByRole('button', { name: 'Start the meeting' }).click();
  await chair.page
    .getByTestId('meeting-state')
    .getByText(/^In progress since /)
    .waitFor();

  // The review of the earlier meeting's open action: the form asks before it saves.
  const review = chair.page.getByTestId('review-item').filter({ hasText: EARLIER_ACTION });
  await review.getByRole('radio', { name: 'Not done' }).check();
  await review.getByRole('button', { name: 'Save review' }).click();
  await review
    .getByTestId('error-summary')
    .getByText('Why it was not done: choose circumstances changed or the agency did not act')
    .waitFor();
  await review.getByRole('radio', { name: 'Ongoing: a new date' }).check();
  const newDue = hoursAhead(24 * 7);
  await review.getByLabel('New due date').fill(newDue.date);
  await review.getByLabel('New due time').fill('12:00');
  await review.getByRole('button', { name: 'Save review' }).click();
  await review.getByText(/Reviewed: Ongoing\./).waitFor();
  await shot(chair.page, 'chair-review', true);

  // Cases with children first; the chair opens the first and the rep's view follows.
  const order = await chair.page
    .getByTestId('run-case')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-reference')));
  expect(order.slice(0, 2).sort()).toEqual([refs[0], refs[1]].sort());
  const [first, second, third, fourth] = order as string[];
  await moveTo(chair.page, rep.page, first!, 'Open the first waiting case');
  await currentCase(chair.page).getByTestId('case-summary').waitFor();
  await chair.page
    .getByTestId('case-timer')
    .first()
    .getByText(/^\d\d:\d\d of 12 minutes$/)
    .waitFor();

  // The observer, once confirmed, reads the case being heard, with no research text.
  const observer = await signIn(app, OBSERVER);
  await json(observer(`/api/meetings/${meetingId}/confidentiality`, post({ confirm: true })));
  const seen = await json<RunCaseDetail>(
    observer(`/api/meetings/${meetingId}/run/cases/${referralOf.get(first!)}`),
  );
  expect(seen.research.every((r) => r.text === null)).toBe(true);

  // An action the form refuses names what it lacks; then an urgent child safeguarding action.
  const form = chair.page.getByRole('form', { name: 'New action' });
  await form.getByLabel('What exactly').fill('Refer to children’s services today');
  await form.getByRole('button', { name: 'Add action' }).click();
  const summary = form.getByTestId('error-summary');
  await summary.waitFor();
  expect(await summary.evaluate((box) => box === document.activeElement)).toBe(true);
  expect(await form.getByLabel('What exactly').inputValue()).toBe(
    'Refer to children’s services today',
  );
  await shot(chair.page, 'chair-action-problems');
  expect(await seriousAxeViolations(chair.page)).toEqual([]);
  await form.getByRole('button', { name: 'Due in 48 hours' }).click();
  const clicked = await chair.page.evaluate(() => Date.now());
  expect(await form.getByLabel('Due date').inputValue()).toBe(
    londonDateOf(new Date(clicked + 48 * 3600_000)),
  );
  await addAction(chair.page, first!, {
    what: 'Refer to children’s services today',
    risk: 'The child saw the strangulation',
    due: hoursAhead(4),
    urgent: 'Yes: Referral to children’s services now',
  });
  const urgent = currentCase(rep.page).locator(
    '[data-testid="action"][data-urgent="childrens-services-referral"]',
  );
  await urgent
    .getByText('Urgent child safeguarding: Referral to children’s services now')
    .waitFor();
  await shot(rep.page, 'rep-urgent-action', true);

  // The notes: facts and opinion apart; the rep reads them as they are saved.
  await field(chair.page, `notes-${await caseId(chair.page)}.facts`)
    .getByRole('textbox')
    .fill('Two callouts since September.');
  await field(chair.page, `notes-${await caseId(chair.page)}.opinion`)
    .getByRole('textbox')
    .fill('The risk is rising since the separation.');
  await chair.page.getByRole('button', { name: 'Save notes' }).click();
  await currentCase(rep.page)
    .getByTestId('notes-read')
    .getByText('Two callouts since September.')
    .waitFor();

  await moveTo(chair.page, rep.page, second!, 'Next case');
  await runCase(chair.page, first!).and(chair.page.locator('[data-state="heard"]')).waitFor();
  await addAction(chair.page, second!, {
    what: 'Offer the school a safeguarding meeting this week',
    risk: 'The child is not attending school',
    due: hoursAhead(24 * 5),
    urgent: 'No',
  });
  await moveTo(chair.page, rep.page, third!, 'Next case');
  await addAction(chair.page, third!, {
    what: 'Check bail conditions and tell the IDVA',
    risk: 'Contact in breach of bail',
    due: hoursAhead(24 * 2),
    urgent: 'No',
  });
  await currentCase(rep.page).getByText('Check bail conditions and tell the IDVA').waitFor();
  await shot(chair.page, 'chair-case', true);
  await shot(rep.page, 'rep-following', true);
  expect(await sidewaysOverflow(rep.page)).toBeLessThanOrEqual(0);
  expect(await seriousAxeViolations(rep.page)).toEqual([]);

  // Closing while a case waits: the server refuses, in its own words.
  await chair.page.getByRole('button', { name: 'Close meeting' }).click();
  const closeDialog = chair.page.getByRole('alertdialog');
  await closeDialog.getByRole('button', { name: 'Close meeting' }).click();
  await closeDialog.getByRole('alert').waitFor();
  await shot(chair.page, 'chair-close-refused');
  await closeDialog.getByRole('button', { name: 'Not now' }).click();

  // The fourth case is deferred with a reason.
  await chair.page.getByRole('button', { name: `Defer ${fourth}` }).click();
  const defer = chair.page.getByRole('dialog');
  await defer.getByRole('button', { name: 'Defer case' }).click();
  await defer.getByText('Reason: say why the case waits for the next meeting').waitFor();
  await defer.getByLabel('Reason').fill('The IDVA has not yet spoken to the victim.');
  await defer.getByRole('button', { name: 'Defer case' }).click();
  await runCase(chair.page, fourth!).and(chair.page.locator('[data-state="deferred"]')).waitFor();
  await runCase(rep.page, fourth!).and(rep.page.locator('[data-state="deferred"]')).waitFor();
  await chair.page
    .getByRole('status')
    .getByText(
      new RegExp(
        `^${fourth} is deferred to the meeting of [A-Z][a-z]{2} \\d{1,2} [A-Z][a-z]{2} \\d{4}\\.$`,
      ),
    )
    .waitFor();

  await chair.page.getByRole('button', { name: 'Finish this case' }).click();
  await chair.page.getByRole('button', { name: 'Close meeting' }).click();
  await chair.page.getByRole('alertdialog').getByRole('button', { name: 'Close meeting' }).click();
  await chair.page
    .getByTestId('meeting-state')
    .getByText(/^Closed at /)
    .waitFor();
  await rep.page
    .getByTestId('meeting-state')
    .getByText(/^Closed at /)
    .waitFor();
  await shot(chair.page, 'chair-closed', true);

  expect([...chair.logs, ...rep.logs].filter((l) => /pageerror/.test(l))).toEqual([]);
  await chair.context.close();
  await rep.context.close();
});

/** The shown case's referral id, from its notes form's field paths. */
async function caseId(page: Page): Promise<string> {
  const path = await currentCase(page).locator('[data-field$=".facts"]').getAttribute('data-field');
  return path!.replace(/^notes-/, '').replace(/\.facts$/, '');
}

it('two people correcting one action at once: the second sees the first’s change and keeps their words', async () => {
  const chair = await openSession(browser);
  const coordinator = await openSession(browser);
  await signInAs(chair.page, app.url, CHAIR);
  await signInAs(coordinator.page, app.url, COORDINATOR);
  const openAction = async (page: Page) => {
    await page.goto(`${app.url}/meeting/${meetingId}`);
    const confirm = page.getByRole('button', { name: 'I confirm' });
    await confirm.or(page.getByTestId('run-case').first()).first().waitFor();
    if (await confirm.isVisible()) await confirm.click();
    await page.getByRole('button', { name: `Read ${refs[2]}` }).click();
    await currentCase(page).getByTestId('action').first().waitFor();
    await page.getByRole('button', { name: 'Correct this action' }).click();
    return page.getByRole('form', { name: /^Change the action for / });
  };
  const first = await openAction(chair.page);
  const second = await openAction(coordinator.page);

  // Both type before either saves; the chair saves first.
  const mine = 'Check bail conditions and the court date, and tell the IDVA';
  await first.getByLabel('What exactly').fill('Check bail conditions today and tell the IDVA');
  await first.getByLabel('Reason for the correction').fill('The chair said today, not this week.');
  await second.getByLabel('What exactly').fill(mine);
  await second.getByLabel('Reason for the correction').fill('The court date was agreed too.');
  await first.getByRole('button', { name: 'Save correction' }).click();
  await currentCase(chair.page)
    .getByTestId('action')
    .getByText('Check bail conditions today and tell the IDVA')
    .waitFor();

  // The coordinator's save names the version they started from: refused, and shown the change.
  await second.getByRole('button', { name: 'Save correction' }).click();
  const conflict = second.getByTestId('conflict');
  await conflict
    .getByTestId('theirs')
    .getByText('Check bail conditions today and tell the IDVA')
    .waitFor();
  expect(await second.getByLabel('What exactly').inputValue()).toBe(mine);
  await shot(coordinator.page, 'conflict', true);
  await conflict.getByRole('button', { name: 'Save mine over theirs' }).click();
  await currentCase(coordinator.page).getByTestId('action').getByText(mine).waitFor();
  await currentCase(chair.page).getByTestId('action').getByText(mine).waitFor();
  await chair.context.close();
  await coordinator.context.close();
});

describe.each(THEMES)('in the %s theme', (theme) => {
  it('the meeting screen has no sideways scroll and no serious axe finding at 320 px and full width', async () => {
    const context = await browser.newContext({
      viewport: { width: NARROW, height: 1400 },
      locale: 'en-GB',
    });
    try {
      const page = await context.newPage();
      const { frame, tabFrame } = await host.open(page, app.url, {
        path: `/meeting/${meetingId}`,
        theme,
      });
      // The fake host relays whole answers, and a stream never ends: the screen here is still.
      await page.route('**/run/events', (route) => route.abort());
      await frame.getByRole('button', { name: new RegExp(CHAIR.replace(/\./g, '\\.')) }).click();
      await frame.getByRole('button', { name: `Read ${refs[0]}` }).click();
      await frame.getByTestId('case-summary').waitFor();
      await atBothWidths(page, theme, async (width, withAxe) => {
        const tab: Frame = tabFrame();
        expect(await sidewaysOverflow(tab)).toBeLessThanOrEqual(0);
        await page.screenshot({
          path: `${SCREENS}/meeting-w${width}-${theme}.png`,
          animations: 'disabled',
        });
        if (withAxe) expect(await seriousAxeViolations(tab)).toEqual([]);
      });
    } finally {
      for (const page of context.pages()) await page.unrouteAll({ behavior: 'ignoreErrors' });
      await context.close();
    }
  });
});
