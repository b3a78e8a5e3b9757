// infra/: no Azure or Bicep CLI runs here, so these tests check what can be checked offline: the
// files agree with each other (parameters, placeholders, toolkit actions, outputs), the Bicep is
// balanced, and the security settings the deployment promises are present.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, PRODUCTION_REQUIRED } from '../../bot/src/config/config.js';

const root = path.resolve(__dirname, '..', '..');
const infra = path.join(root, 'infra');
const read = (file: string) => readFileSync(path.join(infra, file), 'utf8');
const bicep = read('main.bicep');
const yml = read('m365agents.yml');
const parameters = JSON.parse(read('main.parameters.json')).parameters as Record<string, unknown>;

/** Bicep without comments and string contents, for structural checks. */
function bicepCode(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (text.startsWith('//', i)) {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (text[i] === "'") {
      i++;
      while (i < text.length && text[i] !== "'") i += text[i] === '\\' ? 2 : 1;
      out += "''";
    } else {
      out += text[i];
    }
  }
  return out;
}

const declared = new Map(
  [...bicep.matchAll(/^param (\w+) \w+( = .+)?$/gm)].map((m) => [m[1]!, m[2] !== undefined]),
);
const outputs = [...bicep.matchAll(/^output (\w+) /gm)].map((m) => m[1]!);
const placeholders = (text: string) =>
  new Set([...text.matchAll(/\$\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!));

describe('infra/main.bicep', () => {
  it('has balanced brackets outside strings and comments', () => {
    const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
    const stack: string[] = [];
    for (const ch of bicepCode(bicep)) {
      if ('([{'.includes(ch)) stack.push(ch);
      if (ch in pairs) expect(stack.pop()).toBe(pairs[ch]);
    }
    expect(stack).toEqual([]);
  });

  it('gets every parameter the parameters file sets, and every one it needs', () => {
    expect(declared.size).toBeGreaterThan(5);
    for (const name of Object.keys(parameters)) expect(declared.has(name)).toBe(true);
    const required = [...declared].filter(([, hasDefault]) => !hasDefault).map(([name]) => name);
    for (const name of required) expect(Object.keys(parameters)).toContain(name);
  });

  it('keeps the promised security settings', () => {
    for (const setting of [
      "linuxFxVersion: 'NODE|22-lts'",
      'httpsOnly: true',
      'minTlsVersion: minTlsVersion',
      'alwaysOn: true',
      "healthCheckPath: '/healthz'",
      "ftpsState: 'Disabled'",
      'enableRbacAuthorization: true',
      'enablePurgeProtection: true',
      "defaultAction: 'Deny'",
      'keySize: 3072',
      "keyOps: ['wrapKey', 'unwrapKey']",
      'delegatedSubnetResourceId: databaseSubnetId',
      "msaAppType: 'SingleTenant'",
      "name: 'MsTeamsChannel'",
      "MARAC_DEV_SIGN_IN: 'false'",
      "MARAC_SEED_DEMO: seedDemoData ? 'true' : 'false'",
      'param seedDemoData bool = false',
      "NODE_ENV: 'production'",
    ]) {
      expect(bicep).toContain(setting);
    }
    expect(bicep).toMatch(
      /@allowed\(\['1\.2', '1\.3'\]\)\s*\n[^\n]*\n\s*param minTlsVersion string = '1\.2'/,
    );
    expect(bicep).toContain("endpoint: 'https://${site.properties.defaultHostName}/api/messages'");
    // Secrets reach the app only as Key Vault references.
    for (const key of ['DATABASE_URL', 'GRAPH_CLIENT_SECRET', 'BOT_CLIENT_SECRET']) {
      expect(bicep).toMatch(new RegExp(`${key}: '@Microsoft\\.KeyVault\\(`));
    }
    // Built-in roles: Key Vault Secrets User, Key Vault Crypto Service Encryption User.
    expect(bicep).toContain('4633458b-17de-408a-b874-0445c86b69e6');
    expect(bicep).toContain('e147488a-f6f5-4113-8e2d-b22465e65bf6');
    expect(bicep).not.toMatch(/Key Vault Administrator|00482a5a-887f-4fb3-b363-3b7fe8e74483/);
    // Retention keys (issue #13): the app may create, delete and purge keys in their own vault
    // only, never where marac-kek is; that vault purges at once (no purge protection).
    expect(bicep).toMatch(
      /resource retentionKeysOfficer '[^']+' = \{\n {2}scope: retentionVault\n/,
    );
    expect(bicep.match(/roleDefinitions', keyVaultCryptoOfficer\)/g)).toHaveLength(1);
    const retentionVault =
      /resource retentionVault '[^']+' = \{[\s\S]*?\n\}/.exec(bicep)?.[0] ?? '';
    expect(retentionVault).toContain('softDeleteRetentionInDays: 7');
    expect(retentionVault).not.toContain('enablePurgeProtection');
    expect(bicep).toContain('MARAC_RETENTION_VAULT_URL: retentionVault.properties.vaultUri');
  });
});

describe('infra/m365agents.yml', () => {
  const section = (name: string) => {
    const start = yml.indexOf(`\n${name}:\n`);
    expect(start).toBeGreaterThan(0);
    const next = yml.slice(start + 1).search(/\n[a-z]\w*:/);
    return next === -1 ? yml.slice(start) : yml.slice(start, start + 1 + next);
  };
  const uses = (text: string) => [...text.matchAll(/^\s*- uses: (\S+)/gm)].map((m) => m[1]);

  it('provisions in the order the values are needed', () => {
    expect(yml).toMatch(/^version: v1\.1\d\b/m);
    expect(uses(section('provision'))).toEqual([
      'teamsApp/create',
      'aadApp/create',
      'aadApp/create',
      'aadApp/create',
      'arm/deploy',
      'aadApp/update',
      'aadApp/update',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
    ]);
    expect(uses(section('deploy'))).toEqual([
      'cli/runNpmCommand',
      'cli/runNpmCommand',
      'azureAppService/zipDeploy',
    ]);
  });

  it('points at files that exist', () => {
    const paths = [...yml.matchAll(/(?:manifestPath|path|parameters): (\.\.?\/\S+)/g)].map(
      (m) => m[1]!,
    );
    expect(paths).toEqual(
      expect.arrayContaining([
        '../manifest/manifest.json',
        './main.bicep',
        './aad.manifest.json',
        './graph-app.manifest.json',
      ]),
    );
    for (const p of paths) expect(existsSync(path.join(infra, p))).toBe(true);
    expect(existsSync(path.join(root, 'infra', '.webappignore'))).toBe(true);
  });

  it('provides every placeholder the manifests and parameters use', () => {
    const env = read('env/.env.dev');
    const provided = new Set([
      ...[...yml.matchAll(/^\s+\w+: ([A-Z][A-Z0-9_]+)$/gm)].map((m) => m[1]!), // writeToEnvironmentFile
      ...outputs, // arm/deploy writes main.bicep's outputs
      ...[...env.matchAll(/^([A-Z][A-Z0-9_]+)=(.+)$/gm)].map((m) => m[1]!), // set in env/.env.dev
      'AGENCY_TENANT_IDS', // the operator's list in env/.env.dev; empty means the host tenant only
      'SECRET_POSTGRES_ADMIN_PASSWORD', // env/.env.dev.user, see README.md
      'AAD_APP_ACCESS_AS_USER_PERMISSION_ID', // generated by aadApp/update
      'AZURE_SUBSCRIPTION_ID', // asked for when empty
      'AZURE_RESOURCE_GROUP_NAME',
    ]);
    const used = new Set([
      ...placeholders(read('main.parameters.json')),
      ...placeholders(read('aad.manifest.json')),
      ...placeholders(read('graph-app.manifest.json')),
      ...placeholders(readFileSync(path.join(root, 'manifest', 'manifest.json'), 'utf8')),
      ...placeholders(yml),
    ]);
    expect([...used].filter((name) => !provided.has(name))).toEqual([]);
  });

  it('keeps secrets out of git', () => {
    expect(read('.gitignore')).toMatch(/^env\/\.env\.\*\.user$/m);
    expect(read('env/.env.dev')).not.toMatch(/^SECRET_/m);
  });
});

describe('infra/aad.manifest.json', () => {
  const aad = JSON.parse(read('aad.manifest.json'));

  it('matches the Teams manifest for SSO and asks Graph for nothing application-wide', () => {
    const teams = JSON.parse(readFileSync(path.join(root, 'manifest', 'manifest.json'), 'utf8'));
    expect(aad.identifierUris).toEqual([teams.webApplicationInfo.resource]);
    expect(aad.oauth2Permissions.map((p: { value: string }) => p.value)).toEqual([
      'access_as_user',
    ]);
    // Teams (desktop, web), Outlook (desktop, web) and Microsoft 365 clients may ask for the token.
    const clients = aad.preAuthorizedApplications.map((a: { appId: string }) => a.appId);
    for (const id of [
      '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
      '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
      'd3590ed6-52b3-4102-aeff-aad2292ab01c',
      'bc59ab01-8403-45c6-8796-ac3ef710b3e3',
      '4765445b-32c6-49b0-83e6-1d93765276ca',
    ]) {
      expect(clients).toContain(id);
    }
    // Calendars.ReadWrite and Mail.Send are granted in Exchange, scoped to the MARAC mailboxes.
    const roles = aad.requiredResourceAccess.flatMap((r: { resourceAccess: { type: string }[] }) =>
      r.resourceAccess.filter((a) => a.type === 'Role'),
    );
    expect(roles).toEqual([]);
  });
});

describe('the app settings production needs', () => {
  const block = /var settings = union\(appSettings, \{\n([\s\S]*?)\n\}\)/.exec(bicep)?.[1] ?? '';
  const settings = new Map(
    [...block.matchAll(/^ {2}([A-Z][A-Z0-9_]+): (.+)$/gm)].map((m) => [m[1]!, m[2]!]),
  );

  it('main.bicep sets every variable the config requires in production', () => {
    expect(settings.size).toBeGreaterThan(10);
    expect(PRODUCTION_REQUIRED.filter((key) => !settings.has(key))).toEqual([]);
  });

  it('with those settings (expressions given sample values) the app accepts its configuration', () => {
    const sample = (key: string, value: string): string => {
      const literal = /^'([^'$]*)'$/.exec(value)?.[1];
      if (literal !== undefined) return literal;
      // `flag ? 'true' : 'false'`: the value when the parameter keeps its default (false).
      const otherwise = /\? '[^'$]*' : '([^'$]*)'$/.exec(value)?.[1];
      if (otherwise !== undefined) return otherwise;
      if (key === 'DATABASE_URL') return 'postgresql://marac@db.example.org/marac';
      if (key === 'ENTRA_APP_ID_URI')
        return 'api://marac.example.org/11111111-2222-4333-8444-555555555555';
      if (/TENANT|CLIENT_ID$/.test(key)) return '11111111-2222-4333-8444-555555555555';
      if (/_URL$/.test(key)) return 'https://marac.example.org';
      if (key === 'MARAC_KEK_NAME') return 'marac-kek';
      return 'sample';
    };
    const env = Object.fromEntries([...settings].map(([key, value]) => [key, sample(key, value)]));
    expect(env).toMatchObject({
      NODE_ENV: 'production',
      GRAPH_MODE: 'graph',
      MARAC_DEV_SIGN_IN: 'false',
    });
    const config = loadConfig(env);
    expect(config).toMatchObject({ env: 'production', devSignIn: false, seedDemo: false });
    expect(config.entra?.allowedTenants).toEqual(['11111111-2222-4333-8444-555555555555']);
    expect(config.graph.mode).toBe('graph');
    expect(config.publicUrl).toMatch(/^https:\/\//);
    expect(bicep).toContain("MARAC_PUBLIC_URL: 'https://${siteHostName}'");
  });

  it('every output a toolkit file reads is declared, and every placeholder it writes is used', () => {
    const readByToolkit = new Set([
      ...placeholders(yml),
      ...placeholders(readFileSync(path.join(root, 'manifest', 'manifest.json'), 'utf8')),
      ...placeholders(read('aad.manifest.json')),
    ]);
    for (const name of ['TAB_DOMAIN', 'TAB_ENDPOINT', 'BOT_AZURE_APP_SERVICE_RESOURCE_ID'])
      expect(readByToolkit.has(name) && outputs.includes(name)).toBe(true);
  });
});

describe('Microsoft Graph permissions, least privilege', () => {
  interface Grant {
    permission: string;
    grantedIn: 'exchange' | 'entra';
    exchangeRole?: string;
    calls: string[];
  }
  const listed = JSON.parse(read('graph-permissions.json')) as {
    application: Grant[];
    delegated: { permission: string }[];
  };
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const shape = (call: string) => call.replace(/\{[^}]*\}/g, '{}');

  /** Every graphPath`...` in bot/src, as "METHOD /path/{}/...". */
  function callsInCode(): Set<string> {
    const found = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (file.endsWith('.ts')) {
          const text = readFileSync(file, 'utf8');
          for (const m of text.matchAll(/graphPath`([^`]+)`/g)) {
            const before = text.slice(Math.max(0, m.index - 120), m.index);
            const method = /method: '([A-Z]+)',\s*path: $/.exec(before)?.[1] ?? 'GET';
            found.add(`${method} ${m[1]!.replace(/\$\{[^}]+\}/g, '{}')}`);
          }
        }
      }
    };
    walk(path.join(root, 'bot', 'src'));
    return found;
  }

  it('lists exactly the Graph calls the code makes, each under one permission', () => {
    const calls = listed.application.flatMap((g) => g.calls.map(shape));
    expect(new Set(calls).size).toBe(calls.length);
    expect([...callsInCode()].sort()).toEqual([...calls].sort());
  });

  it('grants mail and calendars only through Exchange RBAC, and asks Entra for nothing more', () => {
    const exchange = listed.application.filter((g) => g.grantedIn === 'exchange');
    expect(exchange.map((g) => g.permission).sort()).toEqual([
      'Calendars.ReadWrite',
      'Mail.ReadBasic',
      'Mail.Send',
    ]);
    const roles = (manifest: {
      requiredResourceAccess: { resourceAccess: { id: string; type: string }[] }[];
    }) =>
      manifest.requiredResourceAccess.flatMap((r) =>
        r.resourceAccess.filter((a) => a.type === 'Role').map((a) => a.id),
      );
    const sso = JSON.parse(read('aad.manifest.json'));
    const graphApp = JSON.parse(read('graph-app.manifest.json'));
    expect(roles(sso)).toEqual([]);
    expect(roles(graphApp)).toEqual(
      listed.application.filter((g) => g.grantedIn === 'entra').map((g) => g.permission),
    );
    expect(graphApp.signInAudience).toBe('AzureADMyOrg');
    const delegated = sso.requiredResourceAccess.flatMap(
      (r: { resourceAccess: { id: string; type: string }[] }) =>
        r.resourceAccess.filter((a) => a.type === 'Scope').map((a) => a.id),
    );
    expect(delegated).toEqual(listed.delegated.map((d) => d.permission));
  });

  it('the README names each permission, and scopes each Exchange one to the MARAC mailboxes', () => {
    for (const grant of listed.application) {
      expect(readme).toContain(`\`${grant.permission}\``);
      if (grant.grantedIn === 'exchange')
        expect(readme).toMatch(
          new RegExp(
            `New-ManagementRoleAssignment -App <GRAPH_APP_CLIENT_ID> -Role "${grant.exchangeRole}" -CustomResourceScope "MARAC mailboxes"`,
          ),
        );
    }
    // The broader permissions the app does not need are not asked for anywhere.
    for (const broader of [
      'TeamsAppInstallation.ReadWriteForUser.All',
      'Mail.Read`',
      'Mail.ReadWrite',
    ])
      expect(`${readme}${read('graph-app.manifest.json')}`).not.toContain(broader);
  });
});

describe('agencies in other tenants', () => {
  it('one multi-tenant sign-in app, a single-tenant Graph app and a single-tenant bot', () => {
    expect(JSON.parse(read('aad.manifest.json')).signInAudience).toBe('AzureADMultipleOrgs');
    expect(yml).toMatch(
      /name: MARAC\$\{\{APP_NAME_SUFFIX\}\}\n\s+generateClientSecret: false\n\s+generateServicePrincipal: true\n\s+signInAudience: AzureADMultipleOrgs/,
    );
    expect(yml).toMatch(
      /name: MARAC\$\{\{APP_NAME_SUFFIX\}\} Graph\n[^\n]*\n[^\n]*\n\s+signInAudience: AzureADMyOrg/,
    );
    expect(yml).toMatch(
      /name: MARAC\$\{\{APP_NAME_SUFFIX\}\} bot\n[^\n]*\n[^\n]*\n\s+signInAudience: AzureADMyOrg/,
    );
    expect(bicep).toContain(
      "ENTRA_ALLOWED_TENANTS: empty(agencyTenantIds) ? m365TenantId : '${m365TenantId},${agencyTenantIds}'",
    );
  });
});

describe('no secrets and no tenant ids in committed files', () => {
  const files = spawnSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' })
    .stdout.split('\0')
    .filter((f) => f && f !== 'package-lock.json' && !/\.(png|pdf|p12|pfx|ico|zip)$/.test(f));
  const texts = files.map((file) => ({ file, text: readFileSync(path.join(root, file), 'utf8') }));
  const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
  /** Microsoft's published ids, and the invented ones the tests and the Playground use. */
  const KNOWN = new Set([
    '9188040d-6c67-4c5b-b112-36a304b66dad', // Microsoft's personal-account tenant (published)
    '7c1e4a52-3f7b-4f0e-9f51-6a2d1c0b9e11', // invented: test/support/graph-against-fake.ts
  ]);
  const invented = (id: string) =>
    KNOWN.has(id.toLowerCase()) ||
    /^([0-9a-f])\1{7}-/.test(id) || // aaaaaaaa-1111-...: the fake Entra's tenants
    /-0000-4000-8000-/.test(id); // 7d3c1b2a-0000-4000-8000-...: the Playground and fixtures

  it('git tracks files here (the check reads them)', () => {
    expect(files).toEqual(expect.arrayContaining(['infra/main.bicep', 'README.md']));
  });

  it('holds no private key, client secret, storage key or password in a connection string', () => {
    const found = texts.flatMap(({ file, text }) =>
      [
        /-----BEGIN (RSA |EC |ENCRYPTED )?PRIVATE KEY-----\n[A-Za-z0-9+/=]{64}/,
        /[A-Za-z0-9_~.-]{3}8Q~[A-Za-z0-9_~.-]{31,34}/, // the shape of an Entra client secret
        /AccountKey=[A-Za-z0-9+/=]{20}/,
        /SharedAccessKey=[A-Za-z0-9+/=]{20}/,
        /postgres(ql)?:\/\/[^\s'"@/:]+:(?!\$\{)[^\s'"@/]+@/,
      ]
        .filter((pattern) => pattern.test(text))
        .map((pattern) => `${file}: ${pattern.source}`),
    );
    expect(found).toEqual([]);
    expect(read('env/.env.dev')).not.toMatch(/^SECRET_\w+=./m);
  });

  it("names no tenant but invented ones, and the deployment files no id at all but Microsoft's", () => {
    // A GUID given to anything named tenant or tid, in code, settings or docs.
    const assigned =
      /(?<![A-Za-z])(?:tenant[\w-]*|tid(?![A-Za-z]))["']?\s*[:=]\s*["'`]?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/gi;
    const tenantLines = texts.flatMap(({ file, text }) =>
      [...text.matchAll(assigned)]
        .map((m) => m[1]!)
        .filter((id) => !invented(id))
        .map((id) => `${file}: ${id}`),
    );
    expect(tenantLines).toEqual([]);
    // infra/, manifest/ and the env files: only Microsoft's first-party client ids and built-in
    // role definitions, each named where it is used.
    const published = new Set([
      ...JSON.parse(read('aad.manifest.json')).preAuthorizedApplications.map(
        (a: { appId: string }) => a.appId,
      ),
      '4633458b-17de-408a-b874-0445c86b69e6', // Key Vault Secrets User
      'e147488a-f6f5-4113-8e2d-b22465e65bf6', // Key Vault Crypto Service Encryption User
      '14b46e9e-c2b7-41b4-b07b-48a6ebf60603', // Key Vault Crypto Officer (the retention vault only)
      '00482a5a-887f-4fb3-b363-3b7fe8e74483', // Key Vault Administrator (named to be refused)
    ]);
    const deployment = texts.filter(({ file }) => /^(infra|manifest)\//.test(file));
    expect(deployment.length).toBeGreaterThan(5);
    const ids = deployment.flatMap(({ file, text }) =>
      [...text.matchAll(GUID)]
        .map((m) => m[0])
        .filter((id) => !published.has(id))
        .map((id) => `${file}: ${id}`),
    );
    expect(ids).toEqual([]);
  });
});
