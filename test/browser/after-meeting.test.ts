/**
 * After the meeting (issue #11) in a real Chromium against the real server in local mode with the
 * demo data and the demo's meeting today. Actions are agreed for the police and children's social
 * care (S/MIME) and community health (password); the chair closes the meeting in the tab. Within a
 * minute the action plan is in the outbox as ONE message per agency, each opened as its reps would
 * (openssl cms -decrypt, qpdf with the password the bot sent) and holding only that agency's cases.
 * The coordinator then edits a section of the minutes, saves, approves and circulates them from
 * the meeting page, and finds them in the outbox. The screen is checked in light, dark and high
 * contrast at 320 px and 1366 px (axe-core, no sideways scroll); screenshots go to
 * test-output/screens/after-meeting-*.png.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import type { MeetingRun, MyMeetings } from '#core/contracts/meeting-api.js';
import { DEMO_PEOPLE } from '../support/meeting-fixture.js';
import { mimeParts } from '../support/mime-parts.js';
import { signIn, startApp, type TestApp } from '../support/start-app.js';
import { seriousAxeViolations, sidewaysOverflow } from './support/axe.js';
import { launchChromium } from './support/chromium.js';
import { FakeM365Host } from './support/fake-m365-host.js';
import { openSession, signInAs } from './support/tab-session.js';
import { atBothWidths, NARROW, THEMES } from './support/widths.js';

const SCREENS = 'test-output/screens';
const HEALTH_CORE = 'anjali.storey@health.example';
const ACTIONS = {
  police: 'Flag the home address for an urgent police response',
  childrens: 'Visit both children at school before Friday',
  health: 'Offer the victim a same-week GP appointment',
};

jest.setTimeout(400_000);

let app: TestApp;
let browser: Browser;
let host: FakeM365Host;
let meetingId: string;
let cases: { referralId: string; reference: string }[];
/** The server's clock: the demo meeting's day, moving on with real time once the meeting starts. */
let base = new Date('2026-12-01T09:00:00Z').getTime();
let started = Date.now();
const serverNow = () => new Date(base + (Date.now() - started));

type Call = (route: string, init?: RequestInit) => Promise<Response>;
const json = async <T>(response: Response | Promise<Response>): Promise<T> => {
  const answer = await response;
  if (!answer.ok) throw new Error(`${answer.status}: ${await answer.text()}`);
  return (await answer.json()) as T;
};
const send = (method: string, body: unknown): RequestInit => ({
  method,
  body: JSON.stringify(body),
  headers: { 'idempotency-key': randomUUID() },
});

const mailDir = () => path.join(app.dataDir, 'outbox', 'mail');
const emls = (subject: RegExp) =>
  existsSync(mailDir())
    ? readdirSync(mailDir())
        .filter((name) => name.endsWith('.eml'))
        .map((name) => readFileSync(path.join(mailDir(), name)))
        .filter((eml) => subject.test(/^Subject: (.*)$/im.exec(eml.toString('latin1'))?.[1] ?? ''))
    : [];

/** Waits (a minute at most) for `count` messages whose subject matches. */
async function inOutbox(subject: RegExp, count: number): Promise<Buffer[]> {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    const found = emls(subject);
    if (found.length >= count) return found;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${emls(subject).length} of ${count} messages reached the outbox in a minute`);
}

const scratch = (name: string) => path.join(app.dataDir, `${randomUUID()}-${name}`);
const pdfText = (pdf: Buffer) => {
  const file = scratch('doc.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
};
const smimeOpen = (eml: Buffer, email: string) => {
  const input = scratch('in.eml');
  writeFileSync(input, eml);
  const dir = path.join(app.dataDir, 'demo', 'smime');
  return execFileSync(
    'openssl',
    [
      'cms',
      '-decrypt',
      '-in',
      input,
      '-recip',
      `${dir}/${email}.crt`,
      '-inkey',
      `${dir}/${email}.key`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
};
const qpdfOpen = (pdf: Buffer, password: string | null): Buffer | null => {
  const [input, output] = [scratch('locked.pdf'), scratch('open.pdf')];
  writeFileSync(input, pdf);
  try {
    execFileSync(
      'qpdf',
      [...(password ? [`--password=${password}`] : []), '--decrypt', input, output],
      { stdio: 'pipe' },
    );
    return readFileSync(output);
  } catch {
    return null;
  }
};
const pdfOf = async (eml: Buffer) =>
  (await mimeParts(eml)).attachments.find((a) => a.contentType === 'application/pdf')!.content;
const passwordsFor = (what: string) => {
  const dir = path.join(app.dataDir, 'outbox', 'teams');
  return [
    ...new Set(
      readdirSync(dir)
        .map((f) => (JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { text: string }).text)
        .filter((t) => t.includes(what))
        .map((t) => /is:\s*(\S{24})/.exec(t)?.[1])
        .filter((p): p is string => Boolean(p)),
    ),
  ];
};

beforeAll(async () => {
  await mkdir(SCREENS, { recursive: true });
  app = await startApp({
    now: serverNow,
    env: {
      MARAC_DEMO_REFERRALS: 'true',
      MARAC_DEMO_MEETING_TODAY: 'true',
      RATE_LIMIT_PER_MINUTE: '100000',
    },
  });
  browser = await launchChromium();
  host = await FakeM365Host.start();
  let chair: Call = await signIn(app, DEMO_PEOPLE.chair);
  const mine = await json<MyMeetings>(chair('/api/meetings/run/mine'));
  const today = mine.meetings.find((m) => m.date === '2026-12-01')!;
  meetingId = today.meetingId;
  const meeting = `/api/meetings/${meetingId}`;
  await json(chair(`${meeting}/confidentiality`, send('POST', { confirm: true })));
  // The meeting starts: the clock moves to its start time and runs on from there.
  base = new Date(today.startsAt).getTime() + 60_000;
  started = Date.now();
  chair = await signIn(app, DEMO_PEOPLE.chair);
  const view = await json<MeetingRun>(chair(`${meeting}/run`));
  cases = view.cases.map((c) => ({ referralId: c.referralId, reference: c.reference }));
  const agencies = await app.db.query<{ id: string; kind: string }>(
    `SELECT g.id, g.kind FROM agency g JOIN area_agency aa ON aa.agency_id = g.id
      WHERE aa.area_id = (SELECT area_id FROM meeting WHERE id = $1)`,
    [meetingId],
  );
  const agency = (kind: string) => agencies.rows.find((a) => a.kind === kind)!.id;
  const due = new Date(serverNow().getTime() + 3 * 24 * 3600_000);
  const dueDate = due.toISOString().slice(0, 10);
  const action = (referralId: string, ownerAgencyId: string, what: string) =>
    json(
      chair(
        `${meeting}/run/cases/${referralId}/actions`,
        send('POST', {
          ownerAgencyId,
          ownerPerson: null,
          what,
          dueDate,
          dueTime: '12:00',
          risk: 'Further harm at home',
          urgent: null,
        }),
      ),
    );
  // Each case heard in turn, its actions agreed while it is current.
  for (const [i, c] of cases.entries()) {
    await json(chair(`${meeting}/run/current`, send('PUT', { referralId: c.referralId })));
    if (i === 0) {
      await action(c.referralId, agency('police'), ACTIONS.police);
      await action(c.referralId, agency('childrens-social-care'), ACTIONS.childrens);
    }
    if (i === 1) await action(c.referralId, agency('health'), ACTIONS.health);
  }
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await app?.stop();
});

const shot = (page: Page, name: string) =>
  page.screenshot({
    path: `${SCREENS}/after-meeting-${name}.png`,
    fullPage: true,
    animations: 'disabled',
  });

it('the chair closes the meeting; the action plan is in the outbox within a minute, one message per agency with only its cases', async () => {
  const chair = await openSession(browser);
  await signInAs(chair.page, app.url, DEMO_PEOPLE.chair);
  await chair.page.goto(`${app.url}/meeting/${meetingId}`);
  await chair.page.getByRole('button', { name: 'Close meeting' }).click();
  await chair.page.getByRole('alertdialog').getByRole('button', { name: 'Close meeting' }).click();
  await chair.page
    .getByTestId('meeting-state')
    .getByText(/^Closed at /)
    .waitFor();
  const closedAt = Date.now();
  // The chair reads the plan's deliveries and the minutes; only a coordinator edits them.
  const plan = chair.page.getByRole('region', { name: 'Action plan' });
  await plan.getByTestId('action-plan-due').waitFor();
  await chair.page.getByRole('region', { name: 'Minutes' }).getByTestId('minutes-state').waitFor();
  expect(await chair.page.getByRole('button', { name: 'Approve the minutes' }).count()).toBe(0);

  const mails = await inOutbox(/^MARAC action plan - /, 3);
  expect(Date.now() - closedAt).toBeLessThan(60_000);
  expect(mails).toHaveLength(3);
  const parts = await Promise.all(mails.map(mimeParts));
  const mailTo = (email: string) => mails[parts.findIndex((p) => p.to.includes(email))]!;
  const [first, second] = cases;
  // The police (S/MIME to both reps): the first case only.
  const police = pdfText(
    await pdfOf(smimeOpen(mailTo(DEMO_PEOPLE.policeCore), DEMO_PEOPLE.policeDeputy)),
  );
  expect(police).toContain(first!.reference);
  expect(police).toContain(ACTIONS.police);
  expect(police).not.toContain(second!.reference);
  expect(police).not.toContain(ACTIONS.health);
  // Children's social care (S/MIME): the first case only.
  const childrens = pdfText(
    await pdfOf(smimeOpen(mailTo(DEMO_PEOPLE.childrensCore), DEMO_PEOPLE.childrensCore)),
  );
  expect(childrens).toContain(first!.reference);
  expect(childrens).not.toContain(second!.reference);
  // Community health (password by the bot): the second case only.
  const locked = await pdfOf(mailTo(HEALTH_CORE));
  expect(qpdfOpen(locked, null)).toBeNull();
  const [password] = passwordsFor('MARAC action plan for');
  const health = pdfText(qpdfOpen(locked, password!)!);
  expect(health).toContain(second!.reference);
  expect(health).toContain(ACTIONS.health);
  expect(health).not.toContain(first!.reference);
  expect(health).not.toContain(ACTIONS.police);

  await plan.getByRole('button', { name: 'Check the deliveries again' }).click();
  await plan
    .getByTestId('deliveries')
    .getByText(/Community Health: sent/)
    .waitFor();
  await shot(chair.page, 'chair');
  await chair.context.close();
});

it('the coordinator edits, approves and circulates the minutes, which reach the outbox', async () => {
  const coordinator = await openSession(browser);
  const { page } = coordinator;
  await signInAs(page, app.url, DEMO_PEOPLE.coordinator);
  await page.goto(`${app.url}/meeting/${meetingId}`);
  const minutes = page.getByRole('region', { name: 'Minutes' });
  const state = minutes.getByTestId('minutes-state');
  await state.getByText(/^Draft, version 1\./).waitFor();
  const deferred = minutes.getByRole('textbox', { name: 'Deferred cases' });
  expect(await deferred.inputValue()).toBe('None.');
  await deferred.fill('No case was deferred. The chair thanked everyone.');
  await minutes.getByRole('button', { name: 'Save changes' }).click();
  await state.getByText(/^Draft, version 2\./).waitFor();
  await minutes.getByRole('button', { name: 'Approve the minutes' }).click();
  await state.getByText(/^Approved, not yet circulated, version 3\./).waitFor();
  await shot(page, 'coordinator-approved');
  await minutes.getByRole('button', { name: 'Circulate to every agency' }).click();
  await state.getByText(/^Circulated, version 4\. Circulated at /).waitFor();

  const agencies = (
    await app.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM mail_delivery WHERE purpose = 'minutes'`,
    )
  ).rows[0]!.n;
  expect(agencies).toBeGreaterThan(3);
  const mails = await inOutbox(/^MARAC minutes - /, agencies);
  expect(mails).toHaveLength(agencies);
  const parts = await Promise.all(mails.map(mimeParts));
  const health = mails[parts.findIndex((p) => p.to.includes(HEALTH_CORE))]!;
  const locked = await pdfOf(health);
  const opened = passwordsFor('MARAC minutes for')
    .map((p) => qpdfOpen(locked, p))
    .find((pdf) => pdf !== null);
  const text = pdfText(opened!);
  expect(text).toContain('No case was deferred. The chair thanked everyone.');
  expect(text).toContain('Everything shared for and at this MARAC is confidential');
  await shot(page, 'coordinator-circulated');

  // A copy the mailbox then refused for good: the coordinator sends it again from the list, and
  // as it had in fact gone (Sent Items is asked first), no second copy is sent.
  await app.db.query(
    `UPDATE mail_delivery SET status = 'dead', last_error = 'HTTP 400 ErrorInvalidRecipients'
      WHERE purpose = 'minutes' AND agency_id IN (SELECT id FROM agency WHERE name = 'Community Health')`,
  );
  await minutes.getByRole('button', { name: 'Reload' }).click();
  const deliveries = minutes.getByTestId('deliveries');
  await deliveries.getByText(/^Community Health: could not be sent/).waitFor();
  await shot(page, 'coordinator-copy-dead');
  await deliveries
    .getByRole('button', { name: 'Send the minutes to Community Health again' })
    .click();
  const resent = deliveries.getByText(/^Community Health: sent at /);
  for (let i = 0; i < 50 && (await resent.count()) === 0; i += 1) {
    await page.waitForTimeout(200);
    await minutes.getByRole('button', { name: 'Reload' }).click();
  }
  await resent.waitFor();
  expect(emls(/^MARAC minutes - /)).toHaveLength(agencies);
  await coordinator.context.close();

  // A police rep (their copy in the tab, as a `link` agency's notice points to): their agency's
  // case only, and the minutes as circulated, read-only.
  const rep = await openSession(browser, { width: 320, height: 900 });
  await signInAs(rep.page, app.url, DEMO_PEOPLE.policeCore);
  await rep.page.goto(`${app.url}/meeting/${meetingId}`);
  const repPlan = rep.page.getByRole('region', { name: 'Action plan' });
  await repPlan.getByTestId('plan-case').first().waitFor();
  expect(await repPlan.getByTestId('plan-case').allInnerTexts()).toEqual([
    expect.stringContaining(cases[0]!.reference),
  ]);
  expect(await repPlan.getByText(ACTIONS.health).count()).toBe(0);
  const repMinutes = rep.page.getByRole('region', { name: 'Minutes' });
  await repMinutes
    .getByTestId('minutes-state')
    .getByText(/^Circulated, version 4\./)
    .waitFor();
  expect(await repMinutes.getByRole('textbox').count()).toBe(0);
  expect(await sidewaysOverflow(rep.page)).toBeLessThanOrEqual(0);
  expect(await seriousAxeViolations(rep.page)).toEqual([]);
  await shot(rep.page, 'rep-w320');
  await rep.context.close();
});

describe.each(THEMES)('in the %s theme', (theme) => {
  it('the after-meeting screen has no sideways scroll and no serious axe finding at 320 px and full width', async () => {
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
      await page.route('**/run/events', (route) => route.abort());
      await frame
        .getByRole('button', { name: new RegExp(DEMO_PEOPLE.coordinator.replace(/\./g, '\\.')) })
        .click();
      await frame.getByRole('region', { name: 'Minutes' }).getByTestId('minutes-state').waitFor();
      await frame.getByRole('region', { name: 'Action plan' }).getByTestId('deliveries').waitFor();
      await atBothWidths(page, theme, async (width, withAxe) => {
        const tab: Frame = tabFrame();
        // From the top: the picture at 320 px left the tab scrolled to the minutes.
        await tab.evaluate(() => window.scrollTo(0, 0));
        expect(await sidewaysOverflow(tab)).toBeLessThanOrEqual(0);
        await page.screenshot({
          path: `${SCREENS}/after-meeting-w${width}-${theme}.png`,
          fullPage: true,
          animations: 'disabled',
        });
        if (withAxe) expect(await seriousAxeViolations(tab)).toEqual([]);
        // The host frame does not grow with the tab: the minutes' editor is scrolled to for its picture.
        await frame.getByRole('region', { name: 'Minutes' }).scrollIntoViewIfNeeded();
        await page.screenshot({
          path: `${SCREENS}/after-meeting-w${width}-${theme}-minutes.png`,
          animations: 'disabled',
        });
      });
    } finally {
      for (const page of context.pages()) await page.unrouteAll({ behavior: 'ignoreErrors' });
      await context.close();
    }
  });
});
