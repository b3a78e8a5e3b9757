/**
 * The tab's sign-in decisions as plain functions (no browser): which way to sign in, the
 * /api/client-config answer, reading a token's expiry without trusting it, when to ask the host
 * again, the 401 retry, and what a failure tells the person. The browser test
 * (m365-host-tab.test.ts) runs the same code in Chromium inside a fake Teams or Outlook.
 */
import { request, setUnauthorisedHandler } from '../../tab/src/api/client.js';
import {
  LEGACY_CLIENT_CONFIG,
  loadClientConfig,
  parseClientConfig,
  type ClientConfig,
} from '../../tab/src/auth/client-config.js';
import { readExpiry } from '../../tab/src/auth/jwt.js';
import { planSignIn } from '../../tab/src/auth/sign-in-plan.js';
import {
  CONSENT_NEXT_STEP,
  describeSignInFailure,
  HostTimeoutError,
  hostDisplayName,
  type SignInProblem,
} from '../../tab/src/auth/sign-in-problem.js';
import {
  MAX_KEEP_MS,
  REFRESH_MARGIN_MS,
  refreshAt,
  TokenCache,
} from '../../tab/src/auth/token-cache.js';
import { clearToken, takeTokensFromHost } from '../../tab/src/auth/token.js';
import { meetingTabConfig } from '../../tab/src/host/teams-host.js';
import { routeFor } from '../../tab/src/routes.js';

const ENTRA = { clientId: 'client-id', scope: 'api://marac.example.org/client-id/access_as_user' };
const jwt = (claims: Record<string, unknown>) =>
  `${Buffer.from('{"alg":"RS256"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

describe('planSignIn', () => {
  const config = (entra: ClientConfig['entra'], devSignIn: boolean): ClientConfig => ({
    entra,
    devSignIn,
  });
  const inHost = { inHost: true, naaRecommended: false };
  const inNaaHost = { inHost: true, naaRecommended: true };
  const browser = { inHost: false, naaRecommended: false };

  it('uses nested app authentication where the host recommends it, with the server’s app and scope', () => {
    expect(planSignIn(inNaaHost, config(ENTRA, false))).toEqual({ kind: 'naa', ...ENTRA });
    expect(planSignIn(inNaaHost, config(ENTRA, true))).toEqual({ kind: 'naa', ...ENTRA });
  });
  it('uses getAuthToken in a host that does not recommend NAA', () => {
    expect(planSignIn(inHost, config(ENTRA, true))).toEqual({ kind: 'host-sso' });
  });
  it('offers the development sign-in where Entra ID cannot be used and the server allows it', () => {
    expect(planSignIn(browser, config(ENTRA, true))).toEqual({ kind: 'dev' });
    expect(planSignIn(browser, config(null, true))).toEqual({ kind: 'dev' });
    expect(planSignIn(inNaaHost, config(null, true))).toEqual({ kind: 'dev' });
  });
  it('outside a host with no development sign-in, says to open MARAC in Teams or Outlook', () => {
    expect(planSignIn(browser, config(ENTRA, false))).toEqual({ kind: 'open-in-host' });
    expect(planSignIn(browser, config(null, false))).toEqual({ kind: 'open-in-host' });
  });
  it('inside a host with neither, says sign-in is not set up', () => {
    expect(planSignIn(inHost, config(null, false))).toEqual({ kind: 'not-configured' });
  });
});

describe('the /api/client-config answer', () => {
  const realFetch = global.fetch;
  afterEach(() => {
    global.fetch = realFetch;
  });
  const answer = (status: number, body: unknown) => {
    global.fetch = jest.fn(
      async () => new Response(JSON.stringify(body), { status }),
    ) as typeof fetch;
  };

  it('is read field by field', () => {
    expect(parseClientConfig({ entra: ENTRA, devSignIn: false })).toEqual({
      entra: ENTRA,
      devSignIn: false,
    });
    expect(parseClientConfig({ entra: null, devSignIn: true })).toEqual({
      entra: null,
      devSignIn: true,
    });
    for (const bad of [
      null,
      [],
      {},
      { entra: null },
      { entra: {}, devSignIn: true },
      { entra: { clientId: 'x' }, devSignIn: true },
      { entra: { clientId: '', scope: 's' }, devSignIn: false },
      { entra: null, devSignIn: 'yes' },
    ]) {
      expect(parseClientConfig(bad)).toBeNull();
    }
  });
  it('a 404 (a server from before the route) means local mode with the development sign-in', async () => {
    answer(404, { error: { code: 'NOT_FOUND', message: 'Not found', correlationId: 'c' } });
    await expect(loadClientConfig()).resolves.toEqual(LEGACY_CLIENT_CONFIG);
    expect(LEGACY_CLIENT_CONFIG).toEqual({ entra: null, devSignIn: true });
  });
  it('a 200 is used as it is; a server error or a wrong shape is an error, not a guess', async () => {
    answer(200, { entra: ENTRA, devSignIn: false });
    await expect(loadClientConfig()).resolves.toEqual({ entra: ENTRA, devSignIn: false });
    answer(500, { error: { code: 'INTERNAL', message: 'Something failed', correlationId: 'c' } });
    await expect(loadClientConfig()).rejects.toMatchObject({ status: 500 });
    answer(200, { entra: 'yes' });
    await expect(loadClientConfig()).rejects.toMatchObject({ code: 'CLIENT_CONFIG' });
  });
});

describe('token expiry', () => {
  const now = Date.UTC(2026, 0, 1, 12, 0, 0);
  const inSeconds = (s: number) => Math.floor(now / 1000) + s;

  it('reads exp from a JWT without checking it, and null from anything else', () => {
    expect(readExpiry(jwt({ exp: 1_900_000_000 }))).toBe(1_900_000_000);
    expect(readExpiry(jwt({ exp: '1900000000' }))).toBeNull();
    expect(readExpiry(jwt({}))).toBeNull();
    expect(readExpiry('dev.abc.def')).toBeNull();
    expect(readExpiry('not-a-token')).toBeNull();
    expect(readExpiry('a.!!!.c')).toBeNull();
  });
  it('asks again five minutes before exp, never more than an hour ahead', () => {
    expect(refreshAt(jwt({ exp: inSeconds(3600) }), now)).toBe(now + 3600_000 - REFRESH_MARGIN_MS);
    expect(refreshAt(jwt({ exp: inSeconds(24 * 3600) }), now)).toBe(now + MAX_KEEP_MS);
  });
  it('keeps a nearly expired token only briefly, an expired one not at all, an unreadable one 5 minutes', () => {
    expect(refreshAt(jwt({ exp: inSeconds(120) }), now)).toBe(now + 30_000);
    expect(refreshAt(jwt({ exp: inSeconds(20) }), now)).toBe(now + 10_000);
    expect(refreshAt(jwt({ exp: inSeconds(-5) }), now)).toBe(now);
    expect(refreshAt('opaque', now)).toBe(now + 5 * 60_000);
  });
});

describe('TokenCache', () => {
  it('keeps the token until shortly before it expires, then asks the host again', async () => {
    let clock = Date.UTC(2026, 0, 1, 12);
    const issued: boolean[] = [];
    const cache = new TokenCache(
      async (force) => {
        issued.push(force);
        return jwt({ exp: Math.floor(clock / 1000) + 3600, n: issued.length });
      },
      () => clock,
    );
    const first = await cache.get();
    expect(await cache.get()).toBe(first);
    clock += 3600_000 - REFRESH_MARGIN_MS - 1000;
    expect(await cache.get()).toBe(first);
    clock += 2000;
    const second = await cache.get();
    expect(second).not.toBe(first);
    expect(issued).toEqual([false, false]);
  });
  it('shares one request between concurrent callers, and refresh() forces a new token', async () => {
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const cache = new TokenCache(async (force) => {
      calls++;
      await gate;
      return jwt({ exp: Math.floor(Date.now() / 1000) + 3600, force, calls });
    });
    const all = Promise.all([cache.get(), cache.get(), cache.get()]);
    release();
    const tokens = await all;
    expect(new Set(tokens).size).toBe(1);
    expect(calls).toBe(1);
    const [a, b] = await Promise.all([cache.refresh(), cache.refresh()]);
    expect(a).toBe(b);
    expect(a).not.toBe(tokens[0]);
    expect(calls).toBe(2);
  });
  it('a failed request is not kept: the next call asks again', async () => {
    let fail = true;
    const cache = new TokenCache(async () => {
      if (fail) throw new Error('resourceRequiresConsent');
      return 'token';
    });
    await expect(cache.get()).rejects.toThrow('resourceRequiresConsent');
    fail = false;
    await expect(cache.get()).resolves.toBe('token');
  });
});

describe('the API client inside a host', () => {
  const realFetch = global.fetch;
  afterEach(() => {
    global.fetch = realFetch;
    clearToken();
  });

  it('retries a 401 once with a fresh token from the host', async () => {
    const tokens = ['first', 'second', 'third'];
    const forced: boolean[] = [];
    takeTokensFromHost(new TokenCache(async (force) => (forced.push(force), tokens.shift()!)));
    const seen: (string | null)[] = [];
    global.fetch = jest.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
      const auth = (init?.headers as Record<string, string>).Authorization ?? null;
      seen.push(auth);
      return auth === 'Bearer second'
        ? new Response('{"ok":true}', { status: 200 })
        : new Response(
            '{"error":{"code":"UNAUTHENTICATED","message":"Sign in","correlationId":"c"}}',
            { status: 401 },
          );
    }) as typeof fetch;
    const problems: (SignInProblem | null)[] = [];
    setUnauthorisedHandler((p) => problems.push(p));
    await expect(request('/api/me')).resolves.toEqual({ ok: true });
    expect(seen).toEqual(['Bearer first', 'Bearer second']);
    expect(forced).toEqual([false, true]);
    expect(problems).toEqual([]);
  });
  it('a second 401 is reported as a refused sign-in with a next step', async () => {
    takeTokensFromHost(new TokenCache(async () => 'always-refused'));
    global.fetch = jest.fn(async () => new Response('{}', { status: 401 })) as typeof fetch;
    const problems: (SignInProblem | null)[] = [];
    setUnauthorisedHandler((p) => problems.push(p));
    await expect(request('/api/me')).rejects.toMatchObject({ status: 401, code: 'SIGN_IN' });
    expect(global.fetch).toHaveBeenCalledTimes(2);
    expect(problems.map((p) => p?.kind)).toEqual(['server-refused']);
  });
  it('a host that cannot give a token (consent) is reported, and the API is not called', async () => {
    takeTokensFromHost(
      new TokenCache(async () => Promise.reject(new Error('resourceRequiresConsent'))),
    );
    global.fetch = jest.fn() as typeof fetch;
    const problems: (SignInProblem | null)[] = [];
    setUnauthorisedHandler((p) => problems.push(p));
    await expect(request('/api/areas')).rejects.toMatchObject({ status: 401 });
    expect(global.fetch).not.toHaveBeenCalled();
    expect(problems.map((p) => p?.nextStep)).toEqual([CONSENT_NEXT_STEP]);
  });
});

describe('describeSignInFailure', () => {
  const msalError = (errorCode: string, subError = '') =>
    Object.assign(new Error(`${errorCode}: AADSTS65001 for someone@police.example`), {
      errorCode,
      subError,
    });

  it('consent needed (Teams reason, MSAL codes, an AADSTS code) asks for the IT administrator', () => {
    for (const error of [
      new Error('resourceRequiresConsent'),
      msalError('consent_required'),
      msalError('interaction_required', 'consent_required'),
      'AADSTS65001',
    ]) {
      const problem = describeSignInFailure(error, 'Teams');
      expect(problem.kind).toBe('consent');
      expect(problem.nextStep).toBe(
        'Ask your IT administrator to grant consent for the MARAC app.',
      );
    }
  });
  it('other refusals still give a next step, naming the host', () => {
    expect(describeSignInFailure(new Error('CancelledByUser'), 'Outlook')).toMatchObject({
      kind: 'cancelled',
    });
    expect(describeSignInFailure(new Error('FailedToOpenWindow'), 'Teams')).toMatchObject({
      kind: 'popup-blocked',
    });
    expect(describeSignInFailure(new HostTimeoutError(), 'Outlook').title).toBe(
      'Outlook did not answer the sign-in request',
    );
    expect(describeSignInFailure(new Error('resourceDisabled'), 'Teams').kind).toBe('setup');
    const other = describeSignInFailure(new Error('something unexpected'), 'TeamsModern');
    expect(other.kind).toBe('host-refused');
    expect(other.title).toBe('Teams could not sign you in to MARAC');
    expect(other.nextStep).toContain(CONSENT_NEXT_STEP);
  });
  it('never repeats the error text (it can carry a sign-in name or a stack)', () => {
    const problem = describeSignInFailure(msalError('consent_required'), 'Teams');
    expect(JSON.stringify(problem)).not.toMatch(/police\.example|AADSTS|consent_required|Error/);
  });
  it('names hosts as people know them', () => {
    expect(
      ['Teams', 'TeamsModern', 'Outlook', 'OutlookWin32', 'Office', null].map(hostDisplayName),
    ).toEqual(['Teams', 'Teams', 'Outlook', 'Outlook', 'Microsoft 365', 'Microsoft 365']);
  });
});

describe('pages', () => {
  it('are chosen by path', () => {
    expect(
      ['/', '/meeting', '/meeting/', '/config', '/privacy', '/terms', '/anything'].map(routeFor),
    ).toEqual(['coordinator', 'meeting', 'meeting', 'config', 'privacy', 'terms', 'coordinator']);
  });
  it('the meeting tab saves the meeting view under a fixed entity id', () => {
    expect(meetingTabConfig('https://marac.example.org')).toEqual({
      contentUrl: 'https://marac.example.org/meeting',
      entityId: 'marac-meeting',
      suggestedDisplayName: 'MARAC',
    });
  });
});

describe('TokenCache after a refusal that arrives late', () => {
  it('hands a request refused with the old token the replacement another request already got', async () => {
    let asked = 0;
    const cache = new TokenCache(async () => `token-${(asked += 1)}`);
    const old = await cache.get();
    const fresh = await cache.refresh(old); // the first refused request
    expect(await cache.refresh(old)).toBe(fresh); // a second, refused with the same old token, later
    expect(asked).toBe(2);
    expect(await cache.refresh(fresh)).toBe('token-3'); // the new one refused too: ask again
  });
});
