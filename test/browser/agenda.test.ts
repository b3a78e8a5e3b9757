/**
 * The agenda in the tab, in a real Chromium against the real server in local mode with its demo
 * data (the demo's accepted referrals included): the coordinator sets how agencies receive the
 * agenda, chooses who sits on a meeting, brings a late case on, reorders with the keyboard,
 * publishes and watches every copy go out; then publishes an addendum that lists what changed. A
 * rep on the meeting reads the published agenda; a rep taken off it is refused. A copy the
 * mailbox refuses ends dead, is named in the warnings and goes out on Resend. Every agenda
 * screen is checked at 320 px and full width in light, dark and high contrast (axe-core, no
 * sideways scroll). Screenshots go to test-output/screens/agenda-*.png.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Frame, Locator, Page } from 'playwright-core';
import type { Meeting } from '#core/contracts/api.js';
import type { MailPort, OutgoingMail } from '#core/ports/mail.js';
import { agendaUrl } from '../../bot/src/jobs/agenda-mail.js';
import { EmlMail } from '../../bot/src/mail/eml-mail.js';
import { formatDate, londonToday } from '../../tab/src/format/dates.js';
import { signIn, startApp, type TestApp } from '../support/start-app.js';
import { seriousAxeViolations, sidewaysOverflow } from './support/axe.js';
import { launchChromium } from './support/chromium.js';
import { FakeM365Host } from './support/fake-m365-host.js';
import { atBothWidths, NARROW, THEMES } from './support/widths.js';
import { openSession, signInAs } from './support/tab-session.js';

const SCREENS = 'test-output/screens';
const AREA = 'Northbrook and Wellfield';
const COORDINATOR = 'rosalind.marsh@riverside-partnership.example';
const POLICE_REP = 'dana.whitcombe@police.example';
const EDUCATION_REP = 'yusra.pemberton@education.example';
/** Accepted by the demo onto the meeting after the one the test uses: brought on as a late case. */
const LATE_VICTIM = 'Imogen Featherstone';

jest.setTimeout(300_000);

/**
 * The local outbox's mail, with one refusal on demand: the next agenda copy to `refuse` (not a
 * research link, which a rep without a chat with the bot is mailed too) is answered as Graph
 * answers an address it cannot deliver to (400, which is not tried again).
 */
class RefusingMail implements MailPort {
  inner: MailPort | null = null;
  refuse: string | null = null;
  async send(mail: OutgoingMail): Promise<void> {
    if (!this.inner) throw Object.assign(new Error('not ready'), { status: 503 });
    const text = Buffer.from(mail.mime).toString('latin1');
    if (this.refuse && text.includes(this.refuse) && /^Subject: MARAC agenda/im.test(text)) {
      this.refuse = null;
      throw Object.assign(new Error('refused'), { status: 400, code: 'ErrorInvalidRecipients' });
    }
    await this.inner.send(mail);
  }
  wasSent(mailbox: string, messageId: string): Promise<boolean> {
    return this.inner ? this.inner.wasSent(mailbox, messageId) : Promise.resolve(false);
  }
}

const mail = new RefusingMail();
let app: TestApp;
let browser: Browser;
let host: FakeM365Host;
let meeting: Meeting;
/** The label of the second version, as the server names it. */
let addendum: string;

beforeAll(async () => {
  await mkdir(SCREENS, { recursive: true });
  app = await startApp({ mail, env: { MARAC_DEMO_REFERRALS: 'true' } });
  mail.inner = new EmlMail(path.join(app.dataDir, 'outbox', 'mail'));
  browser = await launchChromium();
  host = await FakeM365Host.start();
  const coordinator = await signIn(app, COORDINATOR);
  const areas = (await (await coordinator('/api/areas')).json()) as { id: string; name: string }[];
  const areaId = areas.find((a) => a.name === AREA)!.id;
  const meetings = (await (
    await coordinator(`/api/areas/${areaId}/meetings?from=${londonToday()}`)
  ).json()) as Meeting[];
  // The next meeting with the demo's cases: one with a child, one adult-only.
  meeting = meetings.find((m) => m.status !== 'cancelled' && (m.cases ?? 0) >= 2)!;
  expect(meeting).toBeDefined();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await app?.stop();
});

const shot = (page: Page, name: string, fullPage = false) =>
  page.screenshot({ path: `${SCREENS}/agenda-${name}.png`, fullPage, animations: 'disabled' });

async function openArea(page: Page, email: string): Promise<void> {
  await signInAs(page, app.url, email);
  await page.getByRole('tab', { name: AREA, exact: true }).click();
  await page.getByTestId('agencies-table').waitFor();
}

const agencyRow = (page: Page, name: string) =>
  page.getByTestId('agencies-table').locator('tbody tr').filter({ hasText: name });

/** The references of one case group's lines, in order. */
const referencesIn = (group: Locator) =>
  group
    .getByTestId('agenda-case')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-reference')));

/** Waits until the deliveries table has rows for `version` and every row of it is sent. */
async function everyCopySent(page: Page, version: string): Promise<void> {
  const table = page.getByTestId('deliveries-table');
  await table.getByText(version, { exact: true }).first().waitFor();
  await page.waitForFunction(
    (label) => {
      const rows = [...document.querySelectorAll('[data-testid="delivery-row"]')];
      const mine = rows.filter((r) => r.querySelector('td')?.textContent === label);
      return mine.length > 0 && mine.every((r) => r.getAttribute('data-status') === 'sent');
    },
    version,
    { timeout: 90_000, polling: 250 },
  );
  const statuses = await table
    .locator('[data-status]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
  expect(new Set(statuses)).toEqual(new Set(['sent']));
  expect(await table.getByText('Sent', { exact: true }).count()).toBe(statuses.length);
}

it('sets how an agency receives the agenda; nothing is chosen for the coordinator, and problems are linked to their field', async () => {
  const { context, page } = await openSession(browser);
  await openArea(page, COORDINATOR);

  // Adult Social Care (a notice with a link in the demo) is to get a password-protected PDF.
  const adults = agencyRow(page, 'Adult Social Care');
  await adults.getByRole('button', { name: 'Delivery for Adult Social Care' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('radio').first().waitFor();
  expect(await dialog.getByRole('radio', { checked: true }).count()).toBe(0);
  await dialog.getByRole('button', { name: 'Save delivery mode' }).click();
  const summary = dialog.getByTestId('error-summary');
  await summary
    .getByRole('link', { name: 'Choose how Adult Social Care receives the agenda.' })
    .click();
  expect(
    await dialog
      .getByRole('radio')
      .first()
      .evaluate((r) => r === document.activeElement),
  ).toBe(true);
  await dialog.getByRole('radio', { name: /^Password-protected attachment/ }).check();
  await dialog.getByRole('button', { name: 'Save delivery mode' }).click();
  await dialog.waitFor({ state: 'detached' });
  await adults.getByTestId('agency-mode').getByText('Password-protected attachment').waitFor();

  // S/MIME: a block that is not a certificate is refused by the server, named in words and linked.
  const mentalHealth = agencyRow(page, 'Mental Health Trust');
  await mentalHealth.getByRole('button', { name: 'Delivery for Mental Health Trust' }).click();
  await dialog.getByRole('radio', { name: /^S\/MIME encrypted email/ }).check();
  const pem = dialog.getByRole('textbox', { name: /^Certificates/ });
  await pem.fill(
    '-----BEGIN CERTIFICATE-----\nTm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----',
  );
  await dialog.getByRole('button', { name: 'Save delivery mode' }).click();
  const link = summary.getByRole('link').first();
  await link.waitFor();
  // The server's words, as it wrote them: the field named, what to do; no path, no library text.
  expect(await link.textContent()).toMatch(/^Certificate: this is not a certificate\./);
  expect(await link.textContent()).not.toMatch(/body\.|certificatePem|expected|invalid input/i);
  await link.click();
  expect(await pem.evaluate((t) => t === document.activeElement)).toBe(true);
  await shot(page, 'delivery-smime-problem');
  // In the 320 px side panel nothing in the dialog reaches past the edge.
  await page.setViewportSize({ width: 320, height: 800 });
  await summary.evaluate((box) => box.scrollIntoView({ block: 'start' }));
  await shot(page, 'delivery-smime-problem-320');
  const rightmost = await dialog.evaluate((el) =>
    Math.max(...[el, ...el.querySelectorAll('*')].map((e) => e.getBoundingClientRect().right)),
  );
  expect(rightmost).toBeLessThanOrEqual(320);
  await page.setViewportSize({ width: 1360, height: 900 });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await mentalHealth
    .getByTestId('agency-mode')
    .getByText('Notice with a link to the app')
    .waitFor();

  // The demo's S/MIME agencies show their reps' certificates: whose, until when, the fingerprint.
  const police = agencyRow(page, 'Riverside Police');
  await police
    .getByTestId('agency-mode')
    .getByText(/^Agenda: S\/MIME encrypted email \(2 certificates\)$/)
    .waitFor();
  await police.getByRole('button', { name: 'Delivery for Riverside Police' }).click();
  const stored = dialog.getByTestId('stored-certificates');
  await stored.getByText(POLICE_REP).waitFor();
  await stored
    .getByText(
      /^Expires (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} [A-Z][a-z]+ \d{4}$/,
    )
    .first()
    .waitFor();
  await stored
    .getByText(/^SHA-256 fingerprint: ([0-9A-F]{2}:){31}[0-9A-F]{2}$/i)
    .first()
    .waitFor();
  await shot(page, 'delivery-stored-certificates');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await context.close();
});

it('chooses who sits, adds a late case, reorders with the keyboard, publishes, and every copy is sent', async () => {
  const { context, page } = await openSession(browser);
  await openArea(page, COORDINATOR);
  await shot(page, 'coordinator-meetings');
  await page
    .getByRole('link', { name: `Agenda for the meeting of ${formatDate(meeting.date)}` })
    .click();
  await page
    .getByRole('heading', { name: `Agenda for the MARAC on ${formatDate(meeting.date)}` })
    .waitFor();
  await page
    .getByTestId('circulation')
    .getByText(formatDate(meeting.deadlines.agendaCirculation))
    .waitFor();

  // Education Safeguarding is taken off this meeting.
  const members = page.getByRole('form', { name: 'Who sits on this meeting' });
  await members.getByRole('checkbox', { name: /^Education Safeguarding/ }).uncheck();
  await members.getByRole('button', { name: 'Save who sits' }).click();
  await members.getByText('Saved.').waitFor();

  // The SafeLives order, and the demo's cases in their groups.
  const draft = page.getByTestId('draft-agenda');
  for (const heading of [
    '1. Introductions and confidentiality',
    '2. Review of incomplete actions from the last meeting',
    '3. Cases involving children',
    '4. Adult-only cases',
    '5. Cases where 12 months have passed since the last MARAC',
    '6. Any other business',
  ])
    await draft.getByRole('heading', { name: heading }).waitFor();
  const children = draft.locator('[data-section="cases-with-children"]');
  const adults = draft.locator('[data-section="adult-cases"]');
  await children.getByText('Elspeth Marchbank').waitFor();
  await adults.getByText('Rowan Achterley').waitFor();

  await page.getByRole('button', { name: 'Add a late case' }).click();
  const dialog = page.getByRole('dialog');
  const choice = dialog.getByRole('combobox', { name: /^Case/ });
  await choice.locator('option', { hasText: LATE_VICTIM }).waitFor({ state: 'attached' });
  await choice.selectOption({
    label: await choice.locator('option', { hasText: LATE_VICTIM }).innerText(),
  });
  await dialog
    .getByRole('textbox', { name: /^Why the case is late/ })
    .fill('Perpetrator released from custody on Friday');
  await dialog.getByRole('button', { name: 'Add to this meeting' }).click();
  await dialog.waitFor({ state: 'detached' });
  const late = adults.getByTestId('agenda-case').filter({ hasText: LATE_VICTIM });
  await late.getByText('Late: Perpetrator released from custody on Friday').waitFor();
  const lateRef = (await late.getAttribute('data-reference'))!;
  const before = await referencesIn(adults);
  expect(before.at(-1)).toBe(lateRef);

  // Up with the keyboard: the case moves within its group and keeps the focus.
  await adults.getByRole('button', { name: `Move ${lateRef} up` }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    (ref) =>
      document
        .querySelector('[data-section="adult-cases"] [data-testid="agenda-case"]')
        ?.getAttribute('data-reference') === ref,
    lateRef,
  );
  expect(await referencesIn(adults)).toEqual([lateRef, ...before.slice(0, -1)]);
  await page.waitForFunction(
    (ref) => document.activeElement?.getAttribute('aria-label')?.startsWith(`Move ${ref}`) ?? false,
    lateRef,
  );
  // A case with children is never offered a move into the adult-only group.
  const lastChild = children.getByTestId('agenda-case').last();
  expect(await lastChild.getByRole('button', { name: /down$/ }).isDisabled()).toBe(true);

  await page.getByRole('button', { name: /^Publish / }).click();
  const confirm = page.getByRole('alertdialog');
  await confirm.getByRole('heading', { name: /^Publish .+ to 11 agencies\?$/ }).waitFor();
  await shot(page, 'coordinator-publish-confirm');
  const first = (await confirm.getByRole('heading').innerText()).replace(
    /^Publish (.+) to .*$/,
    '$1',
  );
  await confirm.getByRole('button', { name: `Publish ${first}` }).click();
  await page.getByTestId('published').waitFor();
  await everyCopySent(page, first);
  const table = page.getByTestId('deliveries-table');
  expect(await table.getByText('Education Safeguarding').count()).toBe(0);
  await page.getByTestId('versions').getByText(first, { exact: true }).waitFor();
  await shot(page, 'coordinator-published', true);
  await context.close();
});

it('publishes an addendum after a reorder; it says what changed', async () => {
  const { context, page } = await openSession(browser);
  await signInAs(page, app.url, COORDINATOR);
  await page.goto(`${app.url}/agenda/${meeting.id}`);
  const adults = page.getByTestId('draft-agenda').locator('[data-section="adult-cases"]');
  await adults.getByTestId('agenda-case').first().waitFor();
  const [top] = await referencesIn(adults);
  await adults.getByRole('button', { name: `Move ${top} down` }).click();
  const changes = page.getByTestId('pending-changes').getByRole('listitem');
  await changes.first().waitFor();
  const expected = await changes.allInnerTexts();
  expect(expected.length).toBeGreaterThan(0);

  // The second version is the first addendum; its label is the server's ("Addendum 1 ...").
  const publish = page.getByRole('button', { name: /^Publish Addendum 1\b/ });
  addendum = (await publish.innerText()).replace(/^Publish /, '');
  await publish.click();
  const confirm = page.getByRole('alertdialog');
  await confirm.getByRole('button', { name: `Publish ${addendum}` }).click();
  await page.getByTestId('published').waitFor();
  const listed = page.getByRole('list', { name: `What changed in ${addendum}` });
  await listed.waitFor();
  expect(await listed.getByRole('listitem').allInnerTexts()).toEqual(expected);
  await everyCopySent(page, addendum);
  await shot(page, 'coordinator-addendum', true);
  await context.close();
});

it('a rep on the meeting reads the latest published agenda; a rep taken off it is told so', async () => {
  const { context, page } = await openSession(browser);
  await signInAs(page, app.url, POLICE_REP);
  // The address a link-mode notice gives.
  await page.goto(agendaUrl(app.url, meeting.id));
  const agenda = page.getByTestId('published-agenda');
  await agenda.waitFor();
  expect(await agenda.getByText('OFFICIAL-SENSITIVE', { exact: true }).count()).toBe(2);
  await agenda.getByRole('heading', { name: addendum }).waitFor();
  await agenda.getByRole('heading', { name: '1. Introductions and confidentiality' }).waitFor();
  await agenda.locator('blockquote').waitFor();
  await agenda.getByText('Elspeth Marchbank', { exact: false }).first().waitFor();
  await agenda.getByText(LATE_VICTIM, { exact: false }).first().waitFor();
  expect(await page.getByRole('button', { name: /^Publish|^Move / }).count()).toBe(0);
  await shot(page, 'rep-published', true);
  await context.close();

  const other = await openSession(browser);
  await signInAs(other.page, app.url, EDUCATION_REP);
  await other.page.goto(`${app.url}/agenda/${meeting.id}`);
  await other.page.getByTestId('not-on-meeting').getByText('You are not on this meeting').waitFor();
  expect(await other.page.getByText('Elspeth Marchbank').count()).toBe(0);
  await shot(other.page, 'rep-not-on-meeting');
  await other.context.close();
});

it('a copy the mailbox refuses ends dead, is named in the warnings, and goes out on Resend', async () => {
  const { context, page } = await openSession(browser);
  await signInAs(page, app.url, COORDINATOR);
  await page.goto(`${app.url}/agenda/${meeting.id}`);
  // Education Safeguarding back on the meeting: publishing sends its reps the version already out.
  mail.refuse = EDUCATION_REP;
  const members = page.getByRole('form', { name: 'Who sits on this meeting' });
  await members.getByRole('checkbox', { name: /^Education Safeguarding/ }).check();
  await members.getByRole('button', { name: 'Save who sits' }).click();
  await members.getByText('Saved.').waitFor();
  await page.getByRole('button', { name: /^Publish / }).click();
  await page
    .getByRole('alertdialog')
    .getByRole('button', { name: /^Publish / })
    .click();
  await page.getByTestId('published').waitFor();
  const table = page.getByTestId('deliveries-table');
  const refused = table.locator('[data-status="dead"]');
  await refused.waitFor({ timeout: 60_000 });
  await refused.getByText('Failed, stopped trying').waitFor();
  expect(await refused.innerText()).toMatch(/Education Safeguarding/);
  await shot(page, 'coordinator-dead-copy', true);

  await page.getByRole('link', { name: 'Back to meetings' }).click();
  const warning = page.getByTestId('agenda-warnings');
  await warning.getByText('Agenda not delivered').waitFor();
  expect(await warning.innerText()).not.toMatch(/Pemberton|Elspeth|NBW-/);
  await warning
    .getByRole('link', { name: `Open the agenda for the MARAC on ${formatDate(meeting.date)}` })
    .first()
    .click();

  const row = page.getByTestId('deliveries-table').locator('[data-status="dead"]');
  await row.getByRole('button', { name: /^Resend / }).click();
  await page.waitForFunction(
    () =>
      document.querySelectorAll('[data-testid="delivery-row"][data-status="dead"]').length === 0 &&
      [...document.querySelectorAll('[data-testid="delivery-row"]')].every(
        (r) => r.getAttribute('data-status') === 'sent',
      ),
    undefined,
    { timeout: 60_000, polling: 250 },
  );
  await context.close();
});

describe.each(THEMES)('in the %s theme', (theme) => {
  it.each([
    ['coordinator', COORDINATOR],
    ['rep', POLICE_REP],
  ])(
    'the %s’s agenda screen has no sideways scroll and no serious axe finding at 320 px and full width',
    async (role, email) => {
      const context = await browser.newContext({
        viewport: { width: NARROW, height: 1600 },
        locale: 'en-GB',
      });
      try {
        const page = await context.newPage();
        const { frame, tabFrame } = await host.open(page, app.url, {
          path: `/agenda/${meeting.id}`,
          theme,
        });
        await frame.getByRole('button', { name: new RegExp(email.replace(/\./g, '\\.')) }).click();
        // Whichever this test's place in the run leaves: published or not yet.
        const shown =
          role === 'coordinator'
            ? frame
                .getByTestId('deliveries-table')
                .or(frame.getByText('Nothing has been sent yet.'))
            : frame.getByTestId('published-agenda').or(frame.getByTestId('no-agenda'));
        await shown.first().waitFor();
        await atBothWidths(page, theme, async (width, withAxe) => {
          const tab: Frame = tabFrame();
          expect(await sidewaysOverflow(tab)).toBeLessThanOrEqual(0);
          await page.screenshot({
            path: `${SCREENS}/agenda-w${width}-${theme}-${role}.png`,
            animations: 'disabled',
          });
          if (withAxe) expect(await seriousAxeViolations(tab)).toEqual([]);
        });
      } finally {
        // A request still on its way through the host's routes is dropped, not reported.
        for (const page of context.pages()) await page.unrouteAll({ behavior: 'ignoreErrors' });
        await context.close();
      }
    },
  );
});
