/**
 * Every screen of the tab at 1366 px, full width, as the coordinator, a rep and the chair (the suite is in
 * support/every-screen.ts; 320 px is screens-side-panel.test.ts, run beside this one).
 */
import { everyScreenAt } from './support/every-screen.js';

everyScreenAt(1366);
