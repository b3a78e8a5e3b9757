// Everything the manifest points Teams and Outlook at exists: each tab and developer URL is
// served by the app and opens the page meant for it, and each bot command is handled by its
// own handler (not by the help text every unknown message gets).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { HELP_TEXT } from '../../bot/src/agent/agent.js';
import { routeFor, type Route } from '../../tab/src/routes.js';
import { startApp, type TestApp } from '../support/start-app.js';
import { postActivity, teamsMessage } from '../support/teams-activity.js';

const template = JSON.parse(
  readFileSync(path.resolve(__dirname, '..', '..', 'manifest', 'manifest.json'), 'utf8'),
);
/** Dana Whitcombe, the police core rep: a Playground mock user the bot maps in local mode. */
const DANA = {
  id: 'user-dana-whitcombe',
  name: 'Dana Whitcombe',
  aadObjectId: '7d3c1b2a-0000-4000-8000-000000000004',
};

/** What each manifest URL must open. */
const PAGES: Record<string, Route> = {
  '/': 'coordinator',
  '/research': 'research',
  '/actions': 'actions',
  '/config': 'config',
  '/privacy': 'privacy',
  '/terms': 'terms',
};

describe('what the manifest points at', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(() => app.stop());

  const urls: string[] = [
    template.developer.websiteUrl,
    template.developer.privacyUrl,
    template.developer.termsOfUseUrl,
    ...template.staticTabs.flatMap((t: { contentUrl?: string; websiteUrl?: string }) => [
      t.contentUrl,
      t.websiteUrl,
    ]),
    ...template.configurableTabs.map((t: { configurationUrl: string }) => t.configurationUrl),
  ].filter(Boolean);

  it('names only pages the tab has', () => {
    const paths = [...new Set(urls.map((u) => u.replace('${{TAB_ENDPOINT}}', '')))];
    expect(paths.sort()).toEqual(Object.keys(PAGES).sort());
  });

  it.each([...new Set(urls)])('%s is served, and opens its page', async (url) => {
    const pathname = url.replace('${{TAB_ENDPOINT}}', '');
    const response = await fetch(`${app.url}${pathname}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain('<div id="root">');
    expect(routeFor(pathname)).toBe(PAGES[pathname]);
  });

  it('the meeting tab the configuration page saves is served and opens the meeting view', async () => {
    const response = await fetch(`${app.url}/meeting`);
    expect(response.status).toBe(200);
    expect(routeFor('/meeting')).toBe('meeting');
  });

  const commands: { title: string }[] = template.bots[0].commandLists.flatMap(
    (l: { commands: { title: string }[] }) => l.commands,
  );

  it.each(commands.map((c) => c.title))('the bot command "%s" is handled', async (title) => {
    const answer = await postActivity(app.url, teamsMessage(title, { from: DANA }));
    expect(answer.status).toBe(200);
    const { activities } = answer.body as {
      activities: { text?: string; attachments?: unknown[] }[];
    };
    expect(activities.length).toBeGreaterThan(0);
    for (const reply of activities) expect(reply.text ?? '').not.toBe(HELP_TEXT);
  });
});
