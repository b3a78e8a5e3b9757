// SCRATCH, NOT COMMITTED: the meeting screens against stubbed API answers, for looking at them.
import { mkdir } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { startApp, type TestApp } from '../support/start-app.js';
import { seriousAxeViolations, sidewaysOverflow } from './support/axe.js';
import { launchChromium } from './support/chromium.js';
import { FakeM365Host } from './support/fake-m365-host.js';

jest.setTimeout(120_000);
const M = '11111111-1111-4111-8111-111111111111';
const R1 = '33333333-3333-4333-8333-333333333331';
const R2 = '33333333-3333-4333-8333-333333333332';
const AG = '22222222-2222-4222-8222-222222222222';
const P = '44444444-4444-4444-8444-444444444444';
const now = new Date().toISOString();
const action = {
  id: '55555555-5555-4555-8555-555555555555', meetingId: M, referralId: R1, reference: 'NW-2026-0001',
  ownerAgencyId: AG, ownerAgencyName: 'Riverside Police', ownerPerson: 'PC Example',
  what: 'Flag the address for an urgent response', dueAt: now, dueDate: '2026-12-01', dueTime: '17:00',
  risk: 'Further assault after separation', urgent: 'childrens-services-referral', status: 'open',
  version: 1, updatedAt: now, updatedBy: 'Rosalind Marsh',
};
const view = (confirmed: boolean) => ({
  meetingId: M, areaId: AG, date: '2026-11-30', startsAt: now, state: 'in-progress', startedAt: now,
  closedAt: null, caseTargetMinutes: 12, seq: 3, statement: 'What is said at this meeting stays in this meeting. Information is shared only to keep people safe.',
  me: { personId: P, seat: 'chair', agencyIds: [], confirmedAt: confirmed ? now : null, mayRun: true, mayRecord: true },
  attendance: [
    { personId: P, name: 'Amos Kettering', seat: 'chair', agencyId: null, agencyName: null, attendance: 'present', infoSentInAdvance: false, confirmedAt: now, version: 2 },
    { personId: '44444444-4444-4444-8444-444444444445', name: 'Dana Whitcombe', seat: 'rep', agencyId: AG, agencyName: 'Riverside Police', attendance: null, infoSentInAdvance: false, confirmedAt: null, version: 1 },
  ],
  cases: confirmed ? [
    { referralId: R1, reference: 'NW-2026-0001', hasChildren: true, state: 'current', currentSince: new Date(Date.now() - 800_000).toISOString(), secondsSpent: 0, deferReason: null },
    { referralId: R2, reference: 'NW-2026-0002', hasChildren: false, state: 'waiting', currentSince: null, secondsSpent: 0, deferReason: null },
  ] : [],
  casesHidden: !confirmed, currentReferralId: confirmed ? R1 : null,
  review: confirmed ? [{ action: { ...action, urgent: null, reference: 'NW-2026-0000' }, meetingDate: '2026-11-16', outcome: null, notDoneReason: null }] : [],
});
const detail = {
  case: view(true).cases[0],
  summary: { victimName: 'Amelia Hart-Lowe', perpetratorNames: ['Dorian Threlkeld'], children: [{ name: 'Wren Calloway', dateOfBirth: '2016-03-02' }], referringAgency: 'Riverside Police', reason: 'Escalating threats after separation.', knownRisks: 'Strangulation disclosed.', isRepeat: false },
  research: [{ agencyId: AG, agencyName: 'Riverside Police', status: 'Submitted', text: [{ label: 'Current involvement', value: 'Bail conditions until March.' }] }],
  researchWithheld: null,
  notes: { facts: 'Two callouts.', opinion: '', riskSummary: '', version: 1, updatedAt: now, updatedBy: 'Rosalind Marsh' },
  actions: [action],
};

let app: TestApp; let browser: Browser; let host: FakeM365Host;
beforeAll(async () => { await mkdir('/tmp/scratch', { recursive: true }); app = await startApp(); browser = await launchChromium(); host = await FakeM365Host.start(); });
afterAll(async () => { await browser?.close(); await host?.close(); await app?.stop(); });

it.each([['default', 1366, true], ['default', 320, true]] as const)('%s %i confirmed=%s', async (theme, width, confirmed) => {
  const context = await browser.newContext({ viewport: { width, height: confirmed ? 3200 : 1200 }, locale: 'en-GB' });
  const page = await context.newPage();
  const logs: string[] = [];
  page.on('console', (m) => logs.push(m.text()));
  const { frame, tabFrame } = await host.open(page, app.url, { path: `/meeting/${M}`, theme });
  await page.route('**/api/meetings/**', (route) => {
    const u = new URL(route.request().url());
    if (u.pathname.endsWith('/run')) return route.fulfill({ json: view(confirmed) });
    if (u.pathname.includes('/run/cases/')) return route.fulfill({ json: detail });
    if (u.pathname.endsWith('/events')) return route.fulfill({ status: 503, body: '' });
    return route.fulfill({ status: 404, json: { error: { code: 'X', message: 'no' } } });
  });
  await frame.getByRole('button', { name: /inspector\.amos/ }).click();
  await frame.getByRole('heading', { name: /MARAC on/ }).waitFor();
  if (confirmed) await frame.getByTestId('case-summary').waitFor();
  await page.waitForTimeout(500);
  const tab = tabFrame();
  console.log(theme, width, confirmed, await sidewaysOverflow(tab), await seriousAxeViolations(tab), logs.filter(l => /error|warn/i.test(l)).slice(0, 5));
  await tab.locator('body').screenshot({ path: `/tmp/scratch/m-${theme}-${width}-${confirmed}.png` }).catch(async () => page.screenshot({ path: `/tmp/scratch/m-${theme}-${width}-${confirmed}.png`, fullPage: true }));
  await context.close();
});
