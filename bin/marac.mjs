#!/usr/bin/env node
// The operator's command line. It runs the TypeScript sources through tsx, so it works straight
// after `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../bot/src/cli/index.ts');
process.exitCode = await runCli(process.argv.slice(2));
