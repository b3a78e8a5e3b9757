import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { freePort } from '../../support/free-port.js';
import { launchChromium } from './chromium.js';

export interface RunningPlayground {
  url: string;
  browser: Browser;
  /** The Playground's chat, open and ready for a message. */
  page: Page;
  stop(): Promise<void>;
}

/**
 * The Microsoft 365 Agents Playground against the app's bot endpoint, on a free port, with
 * Chromium open on its chat. It reads .m365agentsplayground.yml from the project folder and logs
 * to `test-output/<logName>` (by default it would write ./devTools/).
 */
/**
 * The Playground opens its page with `xdg-open` once it listens, and exits when there is none (a
 * server without a desktop). Tests open the page themselves: a no-op opener comes first on PATH.
 */
function noOpenerPath(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'marac-no-opener-'));
  const opener = path.join(dir, 'xdg-open');
  writeFileSync(opener, '#!/bin/sh\nexit 0\n');
  chmodSync(opener, 0o755);
  return `${dir}${path.delimiter}${process.env.PATH ?? ''}`;
}

export async function startPlayground(botUrl: string, logName: string): Promise<RunningPlayground> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const child = spawn(
    path.resolve('node_modules/.bin/agentsplayground'),
    ['-e', `${botUrl}/api/messages`, '-c', 'msteams', '-p', String(port), '--dt'],
    {
      cwd: path.resolve('.'),
      env: {
        ...process.env,
        PATH: noOpenerPath(),
        M365_AGENTS_PLAYGROUND_LOGFILE: path.resolve('test-output', logName),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout!.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close();
    await stopChild(child);
  };
  try {
    await waitForPage(url, child, output, 90_000);
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    await page.goto(url, { timeout: 90_000 });
    await page.locator('[data-lexical-editor="true"]').waitFor({ timeout: 90_000 });
    return { url, browser, page, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function waitForPage(url: string, child: ChildProcess, output: string[], ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) {
      throw new Error(`the playground exited (${child.exitCode}): ${output.join('')}`);
    }
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the playground did not answer at ${url}: ${output.join('')}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  child.stdout?.destroy();
  child.stderr?.destroy();
}
