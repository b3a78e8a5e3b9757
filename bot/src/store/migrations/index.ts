import { foundation } from './001-foundation.js';

/** In order; never edit one that has shipped: add the next. */
export const migrations: readonly { id: string; sql: string }[] = [
  { id: '001-foundation', sql: foundation },
];
