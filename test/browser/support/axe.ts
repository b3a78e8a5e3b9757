import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';

/**
 * axe-core run inside a page or frame: the serious and critical violations, as lines to report.
 * Left out, as a false positive of Fluent UI: the focus sentinels its focus manager (tabster)
 * inserts (`data-tabster-dummy`, aria-hidden and focusable); they pass focus straight on.
 */
const EXCLUDED_NODES = ['[data-tabster-dummy]'];
const AXE = createRequire(__filename).resolve('axe-core/axe.min.js');

export async function seriousAxeViolations(target: Page | Frame): Promise<string[]> {
  // Evaluated through the debugging protocol, so the tab's own CSP stays on as users have it.
  if (!(await target.evaluate(() => 'axe' in window)))
    await target.evaluate(await readFile(AXE, 'utf8'));
  return target.evaluate(async (excluded) => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const context = { include: [document], exclude: excluded.map((selector) => [selector]) };
    const result = await axe.run(context as never, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  }, EXCLUDED_NODES);
}

/** How far the document reaches past the window's right edge (0 when it does not scroll sideways). */
export function sidewaysOverflow(target: Page | Frame): Promise<number> {
  return target.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}
