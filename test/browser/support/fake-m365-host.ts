import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page, Route } from 'playwright-core';

/*
 * A stand-in for a Microsoft 365 host (Teams, Outlook) for browser tests. A loopback HTTP server
 * serves a host page that embeds the tab in an iframe and answers teams-js's postMessage protocol
 * as the real hosts do (as read from teams-js 2.x: node_modules/@microsoft/teams-js/dist/esm/
 * packages/teams-js/src/internal/communication.js and nestedAppAuthUtils.js):
 *
 * - the tab posts `{ id, uuidAsString, func, args }` to its parent; the host answers with
 *   `{ id, uuidAsString, args }`; the host sends events (`settings.save`) as `{ func, args }`.
 * - `initialize` is answered `[frameContext, clientType, sdkVersion, runtimeConfigJson]`; teams-js
 *   puts `window.nestedAppAuthBridge` on the page when that runtime has `supports.nestedAppAuth`,
 *   and `nestedAppAuth.isNAAChannelRecommended()` reads `isNAAChannelRecommended` from it.
 * - NAA: the bridge posts `{ func: 'nestedAppAuth.execute', data: <NestedAppAuthRequest JSON> }`
 *   to the top window; the host answers with the NestedAppAuthResponse JSON as `args[1]`
 *   (msal-browser's src/naa/BridgeProxy.ts reads `requestId`, `success`, `token`, `account`).
 *
 * teams-js only talks to a parent whose origin is an https Microsoft host, and an https page may
 * not frame an http one, so the browser reaches both through Playwright routes:
 * https://teams.microsoft.com/... is fetched from this loopback server, https://marac.test/... from
 * the app under test. Every request the tab makes to the API is recorded with its Authorization.
 */

export const HOST_ORIGIN = 'https://teams.microsoft.com';
export const TAB_ORIGIN = 'https://marac.test';

export interface NaaBehaviour {
  accessToken: string;
  idToken: string;
  account: Record<string, unknown>;
  /** The silent request fails with USER_INTERACTION_REQUIRED; the popup request then succeeds. */
  silentNeedsInteraction?: boolean;
}

export interface HostScenario {
  /** The tab's path: '/', '/meeting', '/config'. */
  path: string;
  hostName?: string;
  theme?: 'default' | 'dark' | 'contrast';
  frameContext?: 'content' | 'settings' | 'sidePanel';
  /** getAuthToken answers these in turn (the last one repeats). */
  authTokens?: string[];
  /** getAuthToken fails with this reason instead (as Teams does: 'resourceRequiresConsent', ...). */
  authError?: string;
  /** NAA supported and recommended by the host, answered so. */
  naa?: NaaBehaviour;
  /** The host recommends NAA but offers no bridge (the tab must fall back to getAuthToken). */
  naaRecommendedWithoutBridge?: boolean;
}

export interface HostMessage {
  func: string;
  args?: unknown[];
  /** For nestedAppAuth.execute: the request, parsed. */
  naa?: {
    method: string;
    tokenParams?: { clientId?: string; scope?: string; forceRefresh?: boolean };
  };
}

export interface ApiCall {
  method: string;
  path: string;
  authorization: string | undefined;
  status: number;
}

const hostPage = (scenario: HostScenario) => `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Fake Microsoft 365 host</title>
<style>
  body { margin: 0; font-family: 'Segoe UI', sans-serif; background: #ebebeb; }
  header { height: 40px; display: flex; align-items: center; padding: 0 16px; background: #464775; color: #fff; font-size: 14px; }
  iframe { display: block; width: 100%; height: calc(100vh - 40px); border: 0; background: #fff; }
</style></head>
<body>
<header>Fake ${scenario.hostName ?? 'Teams'} (test host)</header>
<iframe id="app" title="MARAC" src="${TAB_ORIGIN}${scenario.path}"></iframe>
<script>
const scenario = ${JSON.stringify(scenario).replace(/</g, '\\u003c')};
const frame = document.getElementById('app');
window.hostLog = [];
let authCalls = 0;
let interacted = false;
const runtime = {
  apiVersion: 4,
  hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
  isNAAChannelRecommended: Boolean(scenario.naa || scenario.naaRecommendedWithoutBridge),
  isLegacyTeams: false,
  supports: Object.assign(
    { app: {}, appInstallDialog: {}, pages: { appButton: {}, tabs: {}, config: {}, backStack: {}, fullTrust: {} }, teamsCore: {}, dialog: {} },
    scenario.naa ? { nestedAppAuth: {} } : {},
  ),
};
const frameContext = scenario.frameContext || 'content';
function send(message) { frame.contentWindow.postMessage(message, '${TAB_ORIGIN}'); }
function reply(m, args) { send({ id: m.id, uuidAsString: m.uuidAsString, args: args }); }
function naaAnswer(m, request) {
  const base = { messageType: 'NestedAppAuthResponse', requestId: request.requestId };
  let body;
  if (request.method === 'GetInitContext') {
    body = Object.assign(base, { success: true, initContext: { sdkName: 'fake-host', sdkVersion: '1.0.0', capabilities: { queryAccount: false } } });
  } else if (request.method === 'GetToken' && scenario.naa.silentNeedsInteraction && !interacted) {
    body = Object.assign(base, { success: false, error: { status: 'USER_INTERACTION_REQUIRED', code: 'interaction_required', description: 'Consent needed' } });
  } else if (request.method === 'GetToken' || request.method === 'GetTokenPopup') {
    if (request.method === 'GetTokenPopup') interacted = true;
    body = Object.assign(base, {
      success: true,
      token: { access_token: scenario.naa.accessToken, expires_in: 3600, id_token: scenario.naa.idToken, properties: null, scope: request.tokenParams.scope },
      account: scenario.naa.account,
    });
  } else {
    body = Object.assign(base, { success: false, error: { status: 'PERSISTENT_ERROR', code: 'unsupported' } });
  }
  reply(m, [undefined, JSON.stringify(body)]);
}
window.addEventListener('message', (event) => {
  if (event.source !== frame.contentWindow) return;
  const m = event.data;
  if (!m || typeof m !== 'object' || typeof m.func !== 'string') return;
  const entry = { func: m.func, args: m.args };
  if (m.func === 'nestedAppAuth.execute') {
    const request = JSON.parse(m.data);
    entry.naa = { method: request.method, tokenParams: request.tokenParams && { clientId: request.tokenParams.clientId, scope: request.tokenParams.scope, forceRefresh: request.tokenParams.forceRefresh } };
    window.hostLog.push(entry);
    naaAnswer(m, request);
    return;
  }
  window.hostLog.push(entry);
  switch (m.func) {
    case 'initialize':
      reply(m, [frameContext, 'web', '2.58.0', JSON.stringify(runtime)]);
      break;
    case 'getContext':
      reply(m, [{
        theme: scenario.theme || 'default', locale: 'en-gb', entityId: 'marac', frameContext: frameContext,
        hostClientType: 'web', hostName: scenario.hostName || 'Teams', appSessionId: 'session-1',
      }]);
      break;
    case 'authentication.getAuthToken':
      if (scenario.authError) reply(m, [false, scenario.authError]);
      else {
        const tokens = scenario.authTokens || [];
        reply(m, [true, tokens[Math.min(authCalls, tokens.length - 1)]]);
        authCalls++;
      }
      break;
    case 'settings.setSettings':
      reply(m, [true]);
      break;
  }
});
// What the host does when the person chooses Save on a configuration page.
window.pressSave = () => send({ func: 'settings.save', args: [{}] });
window.setTheme = (theme) => send({ func: 'themeChange', args: [theme] });
</script>
</body></html>`;

/** The loopback server that serves the host page for each scenario. */
export class FakeM365Host {
  private scenario: HostScenario = { path: '/' };

  private constructor(private readonly server: Server) {}

  static async start(): Promise<FakeM365Host> {
    const host = new FakeM365Host(createServer());
    host.server.on('request', (req, res) => {
      if (req.method === 'GET' && req.url?.startsWith('/host')) {
        res.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'cache-control': 'no-store',
        });
        res.end(hostPage(host.scenario));
        return;
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => host.server.listen(0, '127.0.0.1', resolve));
    return host;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /**
   * Opens the tab inside the host in `page` (a fresh one per scenario): routes the host's and the
   * tab's https origins to the loopback servers, and records the tab's API calls.
   */
  async open(page: Page, appUrl: string, scenario: HostScenario) {
    this.scenario = scenario;
    const apiCalls: ApiCall[] = [];
    await page.route(`${HOST_ORIGIN}/**`, (route: Route) =>
      relay(route, async () => {
        const url = new URL(route.request().url());
        await route.fulfill({
          response: await route.fetch({ url: `${this.url}${url.pathname}${url.search}` }),
        });
      }),
    );
    await page.route(`${TAB_ORIGIN}/**`, (route: Route) =>
      relay(route, async () => {
        const request = route.request();
        const url = new URL(request.url());
        // A live stream never ends, so route.fetch waits on it until the page closes and `relay`
        // drops it: the tab shows its meeting as connecting, and the live view is tested in the
        // meeting's own browser tests, outside this host.
        const response = await route.fetch({ url: `${appUrl}${url.pathname}${url.search}` });
        if (url.pathname.startsWith('/api/')) {
          apiCalls.push({
            method: request.method(),
            path: url.pathname,
            authorization: (await request.allHeaders()).authorization,
            status: response.status(),
          });
        }
        await route.fulfill({ response });
      }),
    );
    await page.goto(`${HOST_ORIGIN}/host`);
    const frame = page.frameLocator('#app');
    const hostLog = () =>
      page.evaluate(() => (window as unknown as { hostLog: HostMessage[] }).hostLog);
    const tabFrame = () => {
      const found = page.frames().find((f) => f.url().startsWith(TAB_ORIGIN));
      if (!found) throw new Error('the tab frame is not loaded');
      return found;
    };
    return { frame, apiCalls, hostLog, tabFrame };
  }

  /**
   * A fresh browser context and page on the tab inside the host, signed in as `email` through the
   * development sign-in: what each theme-and-width check of a page starts from.
   */
  async openAs(
    browser: Browser,
    appUrl: string,
    scenario: HostScenario & { email: string; width: number; height?: number },
  ) {
    const context = await browser.newContext({
      viewport: { width: scenario.width, height: scenario.height ?? 1400 },
      locale: 'en-GB',
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const opened = await this.open(page, appUrl, scenario);
    const email = scenario.email.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await opened.frame.getByRole('button', { name: new RegExp(email) }).click();
    return { context, page, ...opened };
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/**
 * Runs one relayed request. A request the page gave up while it was relayed (it navigated, or the
 * scenario ended and closed it) cannot be fulfilled any more: that is the page's choice, not a
 * fault of the tab, so it is dropped. Anything else still fails the test.
 */
async function relay(route: Route, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/disposed|closed|canceled|cancelled|Target page/i.test(message)) return;
    throw error;
  }
}
