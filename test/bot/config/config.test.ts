import {
  checkLoopbackHost,
  ConfigError,
  isLoopbackAddress,
  loadConfig,
} from '../../../bot/src/config/config.js';

const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('configuration', () => {
  it('defaults to local mode, port 3978, PGlite under ./.data, demo data and the dev sign-in', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3978,
      host: '127.0.0.1',
      seedDemo: true,
      devSignIn: true,
    });
    expect(config.graph.mode).toBe('local');
    expect(config.store.databaseUrl).toBeNull();
    expect(config.dataDir).toMatch(/\.data$/);
    expect(config.publicUrl).toBe('http://localhost:3978');
    expect(config.research).toEqual({ cardPerCaseUpTo: 3 });
    expect(config.teamsAppCatalogId).toBeNull();
    expect(loadConfig({ MARAC_PUBLIC_URL: 'https://marac.example.org/' }).publicUrl).toBe(
      'https://marac.example.org',
    );
  });

  it.each([
    [{ PORT: 'eighty' }, /^PORT: expected a port number/],
    [{ PORT: '70000' }, /^PORT:/],
    [{ DATABASE_URL: 'mysql://x' }, /^DATABASE_URL: expected a postgres:\/\//],
    [{ GRAPH_MODE: 'cloud' }, /^GRAPH_MODE:/],
    [{ MARAC_SEED_DEMO: 'yes' }, /^MARAC_SEED_DEMO: expected true or false/],
    [
      { MARAC_DEMO_MEETING_TODAY: 'sometimes' },
      /^MARAC_DEMO_MEETING_TODAY: expected true or false/,
    ],
    [{ GRAPH_MODE: 'graph' }, /^GRAPH_TENANT_ID: required when GRAPH_MODE=graph/],
    [{ BOT_CLIENT_ID: 'abc' }, /^BOT_TENANT_ID: required with the other bot credentials/],
    [
      { GRAPH_MAILBOX_REQUESTS_PER_SECOND: '0' },
      /^GRAPH_MAILBOX_REQUESTS_PER_SECOND: expected more than 0/,
    ],
    [
      { GRAPH_MAILBOX_REQUESTS_PER_SECOND: 'fast' },
      /^GRAPH_MAILBOX_REQUESTS_PER_SECOND: expected a number/,
    ],
    [{ MARAC_PUBLIC_URL: 'marac.example.org' }, /^MARAC_PUBLIC_URL: expected an http\(s\) URL/],
    [{ MARAC_PUBLIC_URL: 'javascript:alert(1)' }, /^MARAC_PUBLIC_URL: expected an http\(s\) URL/],
    [{ TEAMS_APP_CATALOG_ID: 'marac-app' }, /^TEAMS_APP_CATALOG_ID: expected a GUID/],
    [{ RESEARCH_CARD_PER_CASE_UP_TO: '0' }, /^RESEARCH_CARD_PER_CASE_UP_TO: expected at least 1/],
    [
      { RESEARCH_CARD_PER_CASE_UP_TO: '2.5' },
      /^RESEARCH_CARD_PER_CASE_UP_TO: expected a whole number/,
    ],
    [
      { RESEARCH_CARD_PER_CASE_UP_TO: 'many' },
      /^RESEARCH_CARD_PER_CASE_UP_TO: expected a whole number/,
    ],
  ])('names the key and what is expected: %j', (env, message) => {
    expect(problemsOf(env as Record<string, string>)).toEqual(
      expect.arrayContaining([expect.stringMatching(message)]),
    );
  });

  it('paces Graph to 15 requests a second per mailbox unless told otherwise, a second\u2019s worth at once', () => {
    const graph = { GRAPH_TENANT_ID: 't', GRAPH_CLIENT_ID: 'c', GRAPH_CLIENT_SECRET: 's' };
    expect(loadConfig(graph).graph).toMatchObject({ mailboxRate: { perSecond: 15, burst: 15 } });
    expect(loadConfig({ ...graph, GRAPH_MAILBOX_REQUESTS_PER_SECOND: '2.5' }).graph).toMatchObject({
      mailboxRate: { perSecond: 2.5, burst: 2 },
    });
    expect(loadConfig({ ...graph, GRAPH_MAILBOX_REQUESTS_PER_SECOND: '0.5' }).graph).toMatchObject({
      mailboxRate: { perSecond: 0.5, burst: 1 },
    });
  });

  it('names every bad key at once', () => {
    expect(problemsOf({ PORT: 'x', LOG_LEVEL: 'loud' })).toHaveLength(2);
  });

  /** Invented ids: a production configuration with everything it needs. */
  const PRODUCTION = {
    NODE_ENV: 'production',
    MARAC_DEV_SIGN_IN: 'false',
    HOST: '0.0.0.0',
    ENTRA_ALLOWED_TENANTS: 'aaaaaaaa-1111-4111-8111-aaaaaaaaaaaa',
    ENTRA_CLIENT_ID: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    ENTRA_APP_ID_URI: 'api://marac.example.org/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    MARAC_KEY_VAULT_URL: 'https://marac-prod.vault.azure.net',
    DATABASE_URL: 'postgresql://marac@db.example.org/marac',
    GRAPH_MODE: 'graph',
    GRAPH_TENANT_ID: 'aaaaaaaa-1111-4111-8111-aaaaaaaaaaaa',
    GRAPH_CLIENT_ID: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    GRAPH_CLIENT_SECRET: 'not-a-real-secret',
    BOT_CLIENT_ID: '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e',
    BOT_TENANT_ID: 'aaaaaaaa-1111-4111-8111-aaaaaaaaaaaa',
    BOT_CLIENT_SECRET: 'not-a-real-secret',
    MARAC_PUBLIC_URL: 'https://marac.example.org',
  };

  it('refuses the development sign-in in production or off loopback', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual(
      expect.arrayContaining([expect.stringMatching(/^MARAC_DEV_SIGN_IN: .*NODE_ENV=production/)]),
    );
    expect(problemsOf({ HOST: '0.0.0.0' })).toEqual([
      expect.stringMatching(/^MARAC_DEV_SIGN_IN: .*loopback/),
    ]);
    expect(loadConfig({ HOST: '0.0.0.0', MARAC_DEV_SIGN_IN: 'false' }).devSignIn).toBe(false);
  });

  it('refuses to start in production without what production needs, saying why for each', () => {
    const problems = problemsOf({ NODE_ENV: 'production', MARAC_DEV_SIGN_IN: 'false' });
    expect(problems).toEqual([
      expect.stringMatching(
        /^ENTRA_ALLOWED_TENANTS, ENTRA_CLIENT_ID, ENTRA_APP_ID_URI: required with NODE_ENV=production/,
      ),
      expect.stringMatching(/^MARAC_KEY_VAULT_URL: required with NODE_ENV=production/),
      expect.stringMatching(/^DATABASE_URL: required with NODE_ENV=production/),
      expect.stringMatching(/^GRAPH_MODE: must be graph with NODE_ENV=production/),
      expect.stringMatching(/^BOT_CLIENT_ID, BOT_TENANT_ID, BOT_CLIENT_SECRET: required/),
      expect.stringMatching(/^MARAC_PUBLIC_URL: required with NODE_ENV=production, an https/),
    ]);
    expect(problemsOf({ ...PRODUCTION, MARAC_PUBLIC_URL: 'http://marac.example.org' })).toEqual([
      expect.stringMatching(/^MARAC_PUBLIC_URL: .*https/),
    ]);
    const ready = loadConfig(PRODUCTION);
    expect(ready.entra).not.toBeNull();
    expect(ready.keyVault).toEqual({
      vaultUrl: 'https://marac-prod.vault.azure.net',
      keyName: 'marac-kek',
      retentionVaultUrl: 'https://marac-prod.vault.azure.net',
    });
    expect(
      loadConfig({ ...PRODUCTION, MARAC_RETENTION_VAULT_URL: 'https://marac-keep.vault.azure.net' })
        .keyVault?.retentionVaultUrl,
    ).toBe('https://marac-keep.vault.azure.net');
  });

  it.each([
    ['127.0.0.1', true],
    ['127.255.0.9', true],
    ['::1', true],
    ['128.0.0.1', false],
    ['10.0.0.1', false],
    ['::', false],
    ['0.0.0.0', false],
    ['127.example', false],
  ])('counts %s as a loopback address: %s', (address, loopback) => {
    expect(isLoopbackAddress(address)).toBe(loopback);
  });

  it('refuses an address off loopback when the configuration is read', () => {
    expect(problemsOf({ HOST: '10.1.2.3' })).toEqual([
      expect.stringMatching(/^MARAC_DEV_SIGN_IN: .*loopback/),
    ]);
  });

  it.each([
    ['localhost', [{ address: '127.0.0.1' }, { address: '::1' }], true],
    ['127.attacker.example', [{ address: '203.0.113.7' }], false],
    ['127.0.0.1.nip.example', [{ address: '127.0.0.1' }, { address: '198.51.100.2' }], false],
    ['nowhere.example', [], false],
  ])(
    'resolves HOST %s and accepts it only if every address is loopback',
    async (host, addresses, ok) => {
      const check = checkLoopbackHost(host, async () => addresses);
      if (ok) await expect(check).resolves.toBeUndefined();
      else await expect(check).rejects.toBeInstanceOf(ConfigError);
    },
  );

  it('refuses a HOST that does not resolve', async () => {
    await expect(
      checkLoopbackHost('no-such-host.invalid', async () => {
        throw new Error('ENOTFOUND');
      }),
    ).rejects.toThrow(/does not resolve/);
  });

  it('resolves the real localhost to loopback addresses only', async () => {
    await expect(checkLoopbackHost('localhost')).resolves.toBeUndefined();
  });
});
