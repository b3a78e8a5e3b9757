/**
 * Every screen of the tab as every demo role at 1366 px, full width (the suite is in
 * support/every-screen.ts; 320 px is screens-side-panel.test.ts, run beside this one).
 */
import { everyScreenAt } from './support/every-screen.js';

everyScreenAt(1366);
