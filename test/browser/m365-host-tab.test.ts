/**
 * The tab inside a Microsoft 365 host (a fake one: see support/fake-m365-host.ts) against the real
 * server with Entra ID sign-in on (tokens from the loopback fake Entra, checked by the server as
 * real ones are): getAuthToken, nested app authentication, a refused token retried once, consent
 * errors, the meeting tab's configuration page; and, in a plain browser, the pages the manifest
 * links to and what the tab does without a host. Screenshots go to test-output/screens/.
 */
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/chromium.js';
import {
  APP_ID_URI,
  CLIENT_ID,
  FakeEntra,
  HEALTH_TENANT,
  POLICE_TENANT,
} from '../support/fake-entra.js';
import { startApp, type TestApp } from '../support/start-app.js';
import { FakeM365Host, TAB_ORIGIN, type HostMessage } from './support/fake-m365-host.js';

const SCREENS = 'test-output/screens';
const SCOPE = `${APP_ID_URI}/access_as_user`;

// Demo people (invented; .example addresses) and the Entra object ids the fake gives them.
const CHAIR = {
  email: 'inspector.amos.kettering@police.example',
  name: 'Inspector Amos Kettering',
  oid: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
};
const REP = {
  email: 'dana.whitcombe@police.example',
  name: 'Dana Whitcombe',
  oid: '6b7c8d9e-0f1a-4b2c-8d3e-4f5a6b7c8d9e',
};

jest.setTimeout(180_000);

let app: TestApp;
let entra: FakeEntra;
let host: FakeM365Host;
let browser: Browser;
/** Chromium 156 blocks storage in third-party frames by default (as the tab in a host page is);
 * this one allows it, so that the tests can see that nothing is written there. */
let storageBrowser: Browser;

beforeAll(async () => {
  await mkdir(SCREENS, { recursive: true });
  entra = await FakeEntra.start();
  host = await FakeM365Host.start();
  app = await startApp({
    env: {
      ENTRA_ALLOWED_TENANTS: `${POLICE_TENANT},${HEALTH_TENANT}`,
      ENTRA_CLIENT_ID: CLIENT_ID,
      ENTRA_APP_ID_URI: APP_ID_URI,
      ENTRA_AUTHORITY_HOST: entra.authorityHost,
    },
  });
  browser = await launchChromium();
  storageBrowser = await launchChromium(['--disable-features=TrackingProtection3pcd']);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await storageBrowser?.close();
  await app?.stop();
  await host?.close();
  await entra?.close();
});

const tokenFor = (who: { email: string; name: string; oid: string }, options = {}) =>
  entra.sign({ preferred_username: who.email, oid: who.oid, name: who.name }, options);

/** An id token as MSAL reads it (claims only; MSAL does not check its signature, nor does the tab). */
function idTokenFor(who: { email: string; name: string; oid: string }): string {
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    ...{
      aud: CLIENT_ID,
      iss: `https://login.microsoftonline.com/${POLICE_TENANT}/v2.0`,
      tid: POLICE_TENANT,
    },
    ...{
      oid: who.oid,
      sub: `sub-${who.oid}`,
      preferred_username: who.email,
      name: who.name,
      ver: '2.0',
    },
    ...{ iat: now, nbf: now, exp: now + 3600 },
  };
  return `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64(claims)}.c2lnbmF0dXJl`;
}

async function openPage({ thirdPartyStorage = false } = {}) {
  const context = await (thirdPartyStorage ? storageBrowser : browser).newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
  });
  const page = await context.newPage();
  const logs: string[] = [];
  page.on('console', (m) => logs.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => logs.push(`pageerror: ${e.message}`));
  return { context, page, logs };
}

const shot = (page: Page, name: string, fullPage = false) =>
  page.screenshot({ path: `${SCREENS}/${name}.png`, fullPage, animations: 'disabled' });

/** No token, name or email in the console or a URL; nothing in the tab's localStorage. */
async function expectNothingLeaked(
  session: Awaited<ReturnType<typeof openPage>>,
  secrets: string[],
  tabFrame?: () => import('playwright-core').Frame,
) {
  for (const secret of secrets) {
    expect(session.logs.filter((line) => line.includes(secret))).toEqual([]);
    for (const frame of session.page.frames()) expect(frame.url()).not.toContain(secret);
  }
  expect(session.logs.filter((l) => l.startsWith('pageerror'))).toEqual([]);
  if (tabFrame) {
    const stored = await tabFrame().evaluate(() => [localStorage.length, sessionStorage.length]);
    expect(stored).toEqual([0, 0]);
  }
}

const funcs = (log: HostMessage[]) => log.map((m) => m.func);

/** Waits until the check holds (polling), or fails after the timeout. */
async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting for the condition');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('inside Teams the tab signs in with getAuthToken and sends that token to the API', async () => {
  const token = await tokenFor(CHAIR);
  const session = await openPage({ thirdPartyStorage: true });
  const { frame, apiCalls, hostLog, tabFrame } = await host.open(session.page, app.url, {
    path: '/',
    hostName: 'Teams',
    theme: 'dark',
    authTokens: [token],
  });
  await frame.getByText('Signed in as').waitFor();
  await frame.getByText(`Signed in as ${CHAIR.name}`).waitFor();
  await frame.getByRole('heading', { name: 'Areas', level: 2 }).waitFor();

  const log = await hostLog();
  expect(funcs(log)).toContain('initialize');
  expect(funcs(log).filter((f) => f === 'authentication.getAuthToken')).toHaveLength(1);
  expect(funcs(log)).not.toContain('nestedAppAuth.execute');
  const me = apiCalls.filter((c) => c.path === '/api/me');
  expect(me.length).toBeGreaterThan(0);
  expect(me.every((c) => c.authorization === `Bearer ${token}` && c.status === 200)).toBe(true);
  // No development sign-in inside a host, and no Sign out: the person is the host's user.
  expect(apiCalls.some((c) => c.path.startsWith('/api/dev/'))).toBe(false);
  expect(await frame.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
  await shot(session.page, 'host-teams-coordinator-dark');

  await expectNothingLeaked(session, [token, CHAIR.email, CHAIR.name], tabFrame);
  await session.context.close();
});

test('where the host recommends nested app authentication the tab uses MSAL through the bridge', async () => {
  const accessToken = await tokenFor(REP);
  const session = await openPage({ thirdPartyStorage: true });
  const { frame, apiCalls, hostLog, tabFrame } = await host.open(session.page, app.url, {
    path: '/meeting',
    hostName: 'Outlook',
    naa: {
      accessToken,
      idToken: idTokenFor(REP),
      account: {
        homeAccountId: `${REP.oid}.${POLICE_TENANT}`,
        environment: 'login.microsoftonline.com',
        tenantId: POLICE_TENANT,
        username: REP.email,
        localAccountId: REP.oid,
        name: REP.name,
      },
      silentNeedsInteraction: true,
    },
  });
  // Not the "My meetings" heading: on a day the rep has a meeting, the tab opens it at once.
  await frame.getByText(`Signed in as ${REP.name}`).waitFor();

  const log = await hostLog();
  const naa = log.filter((m) => m.func === 'nestedAppAuth.execute').map((m) => m.naa!);
  expect(naa.map((r) => r.method)).toEqual(['GetInitContext', 'GetToken', 'GetTokenPopup']);
  for (const request of naa.slice(1)) {
    expect(request.tokenParams).toMatchObject({ clientId: CLIENT_ID, scope: SCOPE });
  }
  expect(funcs(log)).not.toContain('authentication.getAuthToken');
  const me = apiCalls.filter((c) => c.path === '/api/me');
  expect(me.length).toBeGreaterThan(0);
  expect(me.every((c) => c.authorization === `Bearer ${accessToken}` && c.status === 200)).toBe(
    true,
  );
  await shot(session.page, 'host-outlook-naa-meeting');

  await expectNothingLeaked(session, [accessToken, REP.email, REP.name], tabFrame);
  await session.context.close();
});

test('where the host recommends NAA but offers no bridge, the tab falls back to getAuthToken', async () => {
  const token = await tokenFor(CHAIR);
  const session = await openPage();
  const { frame, apiCalls, hostLog } = await host.open(session.page, app.url, {
    path: '/meeting',
    naaRecommendedWithoutBridge: true,
    authTokens: [token],
  });
  await frame.getByText(`Signed in as ${CHAIR.name}`).waitFor();
  const log = await hostLog();
  expect(funcs(log)).not.toContain('nestedAppAuth.execute');
  expect(funcs(log)).toContain('authentication.getAuthToken');
  expect(apiCalls.find((c) => c.path === '/api/me')?.authorization).toBe(`Bearer ${token}`);
  await session.context.close();
});

test('a token the server refuses is replaced once by a fresh one (storage blocked in the frame)', async () => {
  const refused = await tokenFor(CHAIR, { foreignKey: true });
  const good = await tokenFor(CHAIR);
  const session = await openPage();
  const { frame, apiCalls, hostLog } = await host.open(session.page, app.url, {
    path: '/meeting',
    authTokens: [refused, good],
  });
  await frame.getByText(`Signed in as ${CHAIR.name}`).waitFor();
  // The first call goes with the refused token; after its 401, the fresh token is used and
  // accepted. (A React development build mounts effects twice, so count calls, not requests.)
  const me = apiCalls.filter((c) => c.path === '/api/me');
  expect(me[0]).toMatchObject({ authorization: `Bearer ${refused}`, status: 401 });
  expect(
    me.filter((c) => c.authorization === `Bearer ${refused}`).every((c) => c.status === 401),
  ).toBe(true);
  expect(me.at(-1)).toMatchObject({ authorization: `Bearer ${good}`, status: 200 });
  expect(me.every((c) => [refused, good].includes(c.authorization!.slice('Bearer '.length)))).toBe(
    true,
  );
  // Concurrent refusals share one fresh token: the host was asked twice in all.
  expect(funcs(await hostLog()).filter((f) => f === 'authentication.getAuthToken')).toHaveLength(2);
  await session.context.close();
});

test('a token refused twice shows what to do, not a stack', async () => {
  const refused = await tokenFor(CHAIR, { foreignKey: true });
  const session = await openPage();
  const { frame, apiCalls } = await host.open(session.page, app.url, {
    path: '/meeting',
    authTokens: [refused],
  });
  const bar = frame.getByRole('alert');
  await bar.getByText('The MARAC service did not accept your sign-in').waitFor();
  await bar.getByRole('button', { name: 'Try again' }).waitFor();
  // Each call was tried twice (the kept token, then a fresh one), and both were refused.
  const statuses = apiCalls.filter((c) => c.path === '/api/me').map((c) => c.status);
  expect(statuses.length % 2).toBe(0);
  expect(statuses.length).toBeGreaterThanOrEqual(2);
  expect(new Set(statuses)).toEqual(new Set([401]));
  expect(await bar.textContent()).not.toMatch(/Error:|at \w+ \(|\.js:\d+/);
  await shot(session.page, 'host-refused-twice');
  await session.context.close();
});

test('consent not granted: the MessageBar tells the person to ask their IT administrator', async () => {
  const session = await openPage();
  const { frame, apiCalls } = await host.open(session.page, app.url, {
    path: '/',
    authError: 'resourceRequiresConsent',
  });
  const bar = frame.getByRole('alert');
  await bar.getByText('Ask your IT administrator to grant consent for the MARAC app.').waitFor();
  await bar.getByRole('button', { name: 'Try again' }).waitFor();
  expect(await bar.textContent()).not.toContain('resourceRequiresConsent');
  expect(apiCalls.filter((c) => c.path !== '/api/client-config')).toEqual([]);
  await shot(session.page, 'host-consent-needed');
  await session.context.close();
});

test('the meeting tab configuration page enables Save and saves the meeting view', async () => {
  const session = await openPage();
  const { frame, hostLog } = await host.open(session.page, app.url, {
    path: '/config',
    frameContext: 'settings',
  });
  await frame.getByText('Choose Save to add the MARAC tab.').waitFor();
  let log = await hostLog();
  expect(log.find((m) => m.func === 'settings.setValidityState')?.args).toEqual([true]);
  expect(log.find((m) => m.func === 'registerHandler' && m.args?.[0] === 'save')).toBeDefined();
  await shot(session.page, 'host-meeting-config');

  await session.page.evaluate(() => (window as unknown as { pressSave(): void }).pressSave());
  await until(async () => funcs(await hostLog()).includes('settings.save.success'));
  log = await hostLog();
  expect(log.find((m) => m.func === 'settings.setSettings')?.args).toEqual([
    {
      contentUrl: `${TAB_ORIGIN}/meeting`,
      entityId: 'marac-meeting',
      suggestedDisplayName: 'MARAC',
    },
  ]);
  await session.context.close();
});

describe('in a plain browser', () => {
  test('the privacy and terms pages need no sign-in', async () => {
    const session = await openPage();
    const { page } = session;
    await page.goto(`${app.url}/privacy`);
    await page
      .getByRole('heading', { name: /how your information is handled/, level: 1 })
      .waitFor();
    const privacy = await page.textContent('main');
    expect(privacy).toContain("partnership's information sharing agreement sets how long");
    expect(privacy).toContain('data protection officer');
    await shot(page, 'privacy', true);
    await page.goto(`${app.url}/terms`);
    await page.getByRole('heading', { name: /terms of use/, level: 1 }).waitFor();
    await shot(page, 'terms', true);
    await page.getByRole('link', { name: 'Privacy' }).click();
    await page.getByRole('heading', { name: /how your information is handled/ }).waitFor();
    await expectNothingLeaked(session, []);
    await session.context.close();
  });

  test('the chair signs in with the development sign-in and sees their meetings', async () => {
    const session = await openPage();
    const { page } = session;
    await page.goto(`${app.url}/meeting`);
    await page.getByRole('heading', { name: 'Sign in to MARAC' }).waitFor();
    await page.getByRole('button', { name: new RegExp(CHAIR.email.replace(/\./g, '\\.')) }).click();
    // My meetings, or (on a day the chair has one) that meeting, opened at once.
    await page.getByText(`Signed in as ${CHAIR.name}`).waitFor();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await shot(page, 'meeting-dev-sign-in');
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    await expectNothingLeaked(session, [CHAIR.email, CHAIR.name]);
    await session.context.close();
  });

  test('a server without /api/client-config is taken as local mode with the development sign-in', async () => {
    const session = await openPage();
    await session.page.route('**/api/client-config', (route) =>
      route.fulfill({
        status: 404,
        contentType: 'application/json',
        body: '{"error":{"code":"NOT_FOUND","message":"Not found","correlationId":"x"}}',
      }),
    );
    await session.page.goto(app.url);
    await session.page.getByRole('heading', { name: 'Sign in to MARAC' }).waitFor();
    await session.page.getByRole('list', { name: 'Demo users' }).waitFor();
    await session.context.close();
  });

  test('without a host or a development sign-in the tab says to open MARAC in Teams or Outlook', async () => {
    const session = await openPage();
    await session.page.route('**/api/client-config', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ entra: { clientId: CLIENT_ID, scope: SCOPE }, devSignIn: false }),
      }),
    );
    const requests: string[] = [];
    session.page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await session.page.goto(app.url);
    await session.page.getByRole('heading', { name: 'Open MARAC in Teams or Outlook' }).waitFor();
    expect(requests.filter((p) => p.startsWith('/api/') && p !== '/api/client-config')).toEqual([]);
    await shot(session.page, 'open-in-teams');
    await session.context.close();
  });

  test('the configuration page outside Teams explains where it belongs', async () => {
    const session = await openPage();
    await session.page.goto(`${app.url}/config`);
    await session.page.getByText('This page is part of Teams').waitFor();
    await session.context.close();
  });
});
