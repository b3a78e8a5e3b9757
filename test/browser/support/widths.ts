import type { Page } from 'playwright-core';

/** The themes Teams gives a tab, as the fake host names them. */
export const THEMES = ['default', 'dark', 'contrast'] as const;

/** The Teams meeting side panel, and a laptop's full width. */
export const NARROW = 320;
export const WIDE = 1366;

/**
 * Resizes the window and waits until the tab has laid itself out and painted again: in every
 * frame, as the tab in the fake host is a frame of its own, which paints on its own.
 */
export async function resize(page: Page, width: number, height: number): Promise<void> {
  await page.setViewportSize({ width, height });
  for (const frame of page.frames()) {
    await frame
      .evaluate(
        () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
      )
      // A frame that has gone away (an ended sign-in popup) has nothing left to paint.
      .catch(() => undefined);
  }
  await page.waitForLoadState('networkidle');
}

/**
 * Runs `check` on the screen as loaded at 320 px, then again with the window widened to 1366 px:
 * a screen is loaded and signed in to once per theme, not once per width. (The tab follows the
 * window's width as it changes, as it does when a person widens the Teams window.)
 *
 * `withAxe` says at which of the two widths the check runs axe-core, once a theme: its findings
 * that depend on the theme (contrast) are the same at both widths, so the default and high
 * contrast themes are checked at 320 px, where a region may start to scroll, and the dark theme
 * at full width. The width and the screenshot are checked at both.
 */
export async function atBothWidths(
  page: Page,
  theme: (typeof THEMES)[number],
  check: (width: number, withAxe: boolean) => Promise<void>,
): Promise<void> {
  const height = page.viewportSize()?.height ?? 1400;
  const axeAt = theme === 'dark' ? WIDE : NARROW;
  for (const width of [NARROW, WIDE]) {
    await resize(page, width, height);
    await check(width, width === axeAt);
  }
}
