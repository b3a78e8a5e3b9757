/**
 * The area dashboard (issue #13) as the coordinator sees it, in the fake Teams host: a meeting of
 * the fixture with both cases heard (one a repeat), research given on time, late and not at all,
 * and an overdue police action. Every figure's table says what its chart draws; the population is
 * entered and the volume appears; a bad population is refused beside its field. Each theme at
 * 320 px and full width: no sideways scroll, no serious or critical axe finding.
 * Screenshots: test-output/screens/dashboard-*.png.
 */
import { mkdir } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import {
  heardWithOverdueAction,
  meetingUnderWay,
  type MeetingFixture,
} from '../bot/meeting-run/record-fixture.js';
import { seriousAxeViolations, sidewaysOverflow } from './support/axe.js';
import { launchChromium } from './support/chromium.js';
import { FakeM365Host } from './support/fake-m365-host.js';
import { atBothWidths, NARROW, THEMES } from './support/widths.js';

const SCREENS = 'test-output/screens';
const COORDINATOR = 'rosalind.marsh@riverside-partnership.example';
jest.setTimeout(300_000);

let f: MeetingFixture;
let browser: Browser;
let host: FakeM365Host;

beforeAll(async () => {
  await mkdir(SCREENS, { recursive: true });
  f = await meetingUnderWay();
  await heardWithOverdueAction(f);
  browser = await launchChromium();
  host = await FakeM365Host.start();
}, 200_000);

afterAll(async () => {
  await host?.close();
  await browser?.close();
  await f?.app.stop();
});

async function openDashboard(width: number, theme: 'default' | 'dark' | 'contrast') {
  const opened = await host.openAs(browser, f.app.url, {
    path: `/dashboard/${f.areaId}`,
    theme,
    email: COORDINATOR,
    width,
  });
  const { frame } = opened;
  await frame.getByRole('heading', { name: /^Dashboard: /, level: 1 }).waitFor();
  return opened;
}

it('shows each figure with its table, and measures the volume once the population is entered', async () => {
  const { context, page, frame } = await openDashboard(1366, 'default');
  try {
    const figures = (id: string) => frame.getByTestId(`${id}-figures`);
    await figures('repeats').waitFor();
    expect(await figures('repeats').innerText()).toMatch(/Repeat rate\s+50%/);
    expect(await figures('actions').innerText()).toMatch(/Police[^\n]*\s+1\s+1/);
    expect(await figures('meetings').innerText()).toMatch(/\b2\b/);
    await frame.getByTestId('repeats-chart').locator('svg').first().waitFor();
    await frame.getByText(/Enter the area's population below/).waitFor();

    const field = frame.getByRole('textbox', { name: /Women aged 16 or over in the area/ });
    await field.fill('12');
    await frame.getByRole('button', { name: 'Save' }).click();
    await frame.getByText(/^Women aged 16 or over in the area: /).waitFor();
    await page.screenshot({ path: `${SCREENS}/dashboard-refused.png`, fullPage: true });

    await field.fill('84,500');
    await frame.getByRole('button', { name: 'Save' }).click();
    await frame
      .getByText(/a year per 10,000 women aged 16 or over; SafeLives expect 40\./)
      .waitFor();
    expect(await figures('volume').innerText()).toMatch(/Women aged 16 or over\s+84,500/);
    const stored = await f.app.db.query('SELECT adult_women FROM area WHERE id = $1', [f.areaId]);
    expect(stored.rows[0]).toEqual({ adult_women: 84_500 });
  } finally {
    await context.close();
  }
});

describe.each(THEMES)('in the %s theme', (theme) => {
  it('has no sideways scroll and no serious axe finding at 320 px and full width', async () => {
    const { context, page, frame, tabFrame } = await openDashboard(NARROW, theme);
    try {
      await frame.getByTestId('days-figures').waitFor();
      await frame.getByTestId('repeats-chart').locator('svg').first().waitFor();
      await atBothWidths(page, theme, async (width, withAxe) => {
        expect(await sidewaysOverflow(tabFrame())).toBeLessThanOrEqual(0);
        await page.screenshot({
          path: `${SCREENS}/dashboard-w${width}-${theme}.png`,
          fullPage: true,
          animations: 'disabled',
        });
        if (withAxe) expect(await seriousAxeViolations(tabFrame())).toEqual([]);
      });
    } finally {
      await context.close();
    }
  });
});
