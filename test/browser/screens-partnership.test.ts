/**
 * Every screen of the tab as the partnership's own staff (the coordinator, at 320 px and 1366 px;
 * an observer at 320 px), and the public pages: the suite is in
 * support/every-screen.ts; screens-agencies.test.ts walks the agencies' people beside this one.
 */
import { everyScreenAs } from './support/every-screen.js';

everyScreenAs(['coordinator', 'observer'], true);
