// infra/: no Azure or Bicep CLI runs here, so these tests check what can be checked offline: the
// files agree with each other (parameters, placeholders, toolkit actions, outputs), the Bicep is
// balanced, and the security settings the deployment promises are present.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

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
      "MARAC_SEED_DEMO: 'false'",
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
      'arm/deploy',
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
      expect.arrayContaining(['../manifest/manifest.json', './main.bicep', './aad.manifest.json']),
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
      'SECRET_POSTGRES_ADMIN_PASSWORD', // env/.env.dev.user, see README.md
      'AAD_APP_ACCESS_AS_USER_PERMISSION_ID', // generated by aadApp/update
      'AZURE_SUBSCRIPTION_ID', // asked for when empty
      'AZURE_RESOURCE_GROUP_NAME',
    ]);
    const used = new Set([
      ...placeholders(read('main.parameters.json')),
      ...placeholders(read('aad.manifest.json')),
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
    expect(aad.signInAudience).toBe('AzureADMyOrg');
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
