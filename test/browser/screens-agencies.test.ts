/**
 * Every screen of the tab as the agencies' people (a police rep and the chair, at 320 px and
 * 1366 px): the suite is in support/every-screen.ts;
 * screens-partnership.test.ts walks the partnership's staff beside this one.
 */
import { everyScreenAs } from './support/every-screen.js';

everyScreenAs(['rep', 'chair'], false);
