/**
 * Every screen of the tab as every demo role at 320 px, the Teams meeting side panel (the suite
 * is in support/every-screen.ts; 1366 px is screens-full-width.test.ts, run beside this one).
 */
import { everyScreenAt } from './support/every-screen.js';

everyScreenAt(320);
