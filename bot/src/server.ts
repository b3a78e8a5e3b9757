import { main } from './main.js';

// The process entry point; `main.ts` stays importable by tests without starting anything.
main().catch((error: unknown) => {
  console.error('The MARAC app could not start:', (error as Error).message);
  process.exit(1);
});
