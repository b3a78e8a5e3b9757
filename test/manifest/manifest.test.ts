// The Teams app package: the manifest template, the icons and `npm run package`. The package is
// read back with Info-ZIP's `unzip` and the icons with pngjs; the manifest is validated offline
// against Microsoft's JSON schema shipped in @microsoft/app-manifest (validate-manifest.mjs, in
// its own Node process: the package cannot load under jest).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';

const root = path.resolve(__dirname, '..', '..');
const manifestDir = path.join(root, 'manifest');
const templateText = readFileSync(path.join(manifestDir, 'manifest.json'), 'utf8');
const template = JSON.parse(templateText);
const schemaOf = (version: string) =>
  JSON.parse(
    readFileSync(
      path.join(
        root,
        'node_modules/@microsoft/app-manifest/build/json-schemas/teams',
        `v${version}`,
        'MicrosoftTeams.schema.json',
      ),
      'utf8',
    ),
  ) as { required: string[] };

/** Invented ids and a reserved-looking domain: nothing here is a real tenant or app. */
const TEST_ENV: Record<string, string> = {
  TEAMS_APP_ID: '0f2b6a8e-3c1d-4e5f-9a7b-1c2d3e4f5a6b',
  BOT_ID: '6d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a',
  AAD_APP_CLIENT_ID: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d',
  TAB_DOMAIN: 'marac-test.azurewebsites.net',
  TAB_ENDPOINT: 'https://marac-test.azurewebsites.net',
  APP_NAME_SUFFIX: '-test',
};

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'marac-manifest-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function writeEnv(name: string, env: Record<string, string | undefined>): string {
  const file = path.join(work, `.env.${name}`);
  const lines = Object.entries(env)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${v}`);
  writeFileSync(file, `# written by manifest.test.ts\n${lines.join('\n')}\n`);
  return file;
}

const npmPackage = (args: string[]) =>
  spawnSync('npm', ['run', '--silent', 'package', '--', ...args], {
    cwd: root,
    encoding: 'utf8',
  });

function packageWith(env: Record<string, string | undefined>, name: string) {
  const out = path.join(work, `${name}.zip`);
  return { ...npmPackage(['--env', writeEnv(name, env), '--out', out]), out };
}

const unzip = (args: string[]) => spawnSync('unzip', args, { encoding: 'buffer' });
const entry = (zip: string, name: string) => unzip(['-p', zip, name]).stdout;

interface Validation {
  file: string;
  schemaFile: string | null;
  errors: string[];
}
/** Validates several manifests in one process (each start loads the schema library). */
function validate(manifests: Record<string, unknown>): Record<string, Validation> {
  const files = Object.entries(manifests).map(([name, manifest]) => {
    const file = path.join(work, `${name}.manifest.json`);
    writeFileSync(file, JSON.stringify(manifest));
    return file;
  });
  const result = spawnSync(
    process.execPath,
    [path.join(__dirname, 'validate-manifest.mjs'), ...files],
    { cwd: root, encoding: 'utf8' },
  );
  expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
  const results = JSON.parse(result.stdout) as Validation[];
  return Object.fromEntries(Object.keys(manifests).map((name, i) => [name, results[i]!]));
}

describe('the manifest template', () => {
  it('uses only the placeholders the toolkit and the packaging script provide', () => {
    const used = new Set([...templateText.matchAll(/\$\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]));
    expect([...used].sort()).toEqual(Object.keys(TEST_ENV).sort());
  });

  it('has personal tabs MARAC, My research and My actions, which also run in Outlook and Microsoft 365', () => {
    // Outlook and the Microsoft 365 app run static tabs in personal scope from manifest 1.13 on.
    const [major, minor] = template.manifestVersion.split('.').map(Number);
    expect(major === 1 && minor >= 13).toBe(true);
    expect(template.$schema).toContain(`/teams/v${template.manifestVersion}/`);
    const contentTabs = template.staticTabs.filter((t: { contentUrl?: string }) => t.contentUrl);
    expect(
      contentTabs.map((t: Record<string, unknown>) => [t.name, t.contentUrl, t.scopes, t.context]),
    ).toEqual([
      ['MARAC', '${{TAB_ENDPOINT}}/', ['personal'], ['personalTab']],
      ['My research', '${{TAB_ENDPOINT}}/research', ['personal'], ['personalTab']],
      ['My actions', '${{TAB_ENDPOINT}}/actions', ['personal'], ['personalTab']],
    ]);
  });

  it('has the bot in the 1:1 chat only, with its four commands', () => {
    expect(template.bots).toEqual([
      expect.objectContaining({
        botId: '${{BOT_ID}}',
        scopes: ['personal'],
        supportsFiles: false,
        supportsCalling: false,
      }),
    ]);
    const lists = template.bots[0].commandLists as {
      scopes: string[];
      commands: { title: string }[];
    }[];
    expect(lists.map((l) => l.scopes)).toEqual([['personal']]);
    expect(lists[0]!.commands.map((c) => c.title)).toEqual([
      'refer a case',
      'my research',
      'my actions',
      'help',
    ]);
  });

  it('has the meeting tab in every meeting surface, with the one consent sharing to the stage needs', () => {
    expect(template.configurableTabs).toEqual([
      {
        configurationUrl: '${{TAB_ENDPOINT}}/config',
        canUpdateConfiguration: true,
        scopes: ['groupChat'],
        context: ['meetingSidePanel', 'meetingStage', 'meetingChatTab', 'meetingDetailsTab'],
      },
    ]);
    // MeetingStage.Write.Chat lets Teams put the side panel's view on the meeting stage; the app
    // reads nothing of the chat or the meeting through Graph, so it asks for nothing more.
    expect(template.authorization).toEqual({
      permissions: { resourceSpecific: [{ name: 'MeetingStage.Write.Chat', type: 'Delegated' }] },
    });
    expect(template.devicePermissions ?? []).toEqual([]);
    expect(template.webApplicationInfo).toEqual({
      id: '${{AAD_APP_CLIENT_ID}}',
      resource: 'api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}',
    });
    expect(template.validDomains).toEqual(['${{TAB_DOMAIN}}']);
  });

  it('describes the app in British English', () => {
    const text = `${template.description.short} ${template.description.full}`;
    expect(text).not.toMatch(/\b(organiz|color|center|behavior|analyz|catalog\b|license\b)/i);
    expect(text).toMatch(/Organise/);
  });
});

describe('the icons', () => {
  const read = (file: string) => PNG.sync.read(readFileSync(path.join(manifestDir, file)));

  it.each([
    { file: 'color.png', size: 192 },
    { file: 'outline.png', size: 32 },
  ])('$file is a $size x $size PNG', ({ file, size }) => {
    const png = read(file);
    expect([png.width, png.height]).toEqual([size, size]);
  });

  it('the outline icon is white on transparent', () => {
    const { data } = read('outline.png');
    let transparent = 0;
    let notWhite = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] === 0) transparent++;
      else if (data[i] !== 255 || data[i + 1] !== 255 || data[i + 2] !== 255) notWhite++;
    }
    expect(notWhite).toBe(0);
    expect(data[3]).toBe(0); // the corner shows the background through
    expect(transparent).toBeGreaterThan(32 * 32 * 0.4);
  });

  it('the colour icon is opaque, in the accent colour with a white symbol', () => {
    const { data } = read('color.png');
    let white = 0;
    let seeThrough = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] !== 255) seeThrough++;
      if (data[i] === 255 && data[i + 1] === 255 && data[i + 2] === 255) white++;
    }
    expect(seeThrough).toBe(0);
    expect([...data.subarray(0, 3)]).toEqual([0x0f, 0x5c, 0x64]);
    expect(template.accentColor.toLowerCase()).toBe('#0f5c64');
    expect(white).toBeGreaterThan(192 * 10);
  });

  it('the committed icons are what make-icons.mjs draws', () => {
    const out = path.join(work, 'icons');
    const result = spawnSync(process.execPath, [
      path.join(manifestDir, 'make-icons.mjs'),
      '--out',
      out,
    ]);
    expect(result.status).toBe(0);
    for (const file of ['color.png', 'outline.png']) {
      // Pixels, not bytes: zlib's output may differ between versions.
      const drawn = PNG.sync.read(readFileSync(path.join(out, file))).data;
      expect(drawn.equals(read(file).data)).toBe(true);
    }
  });
});

describe('npm run package', () => {
  let zipPath: string;
  let packaged: Record<string, unknown> & { manifestVersion: string };
  beforeAll(() => {
    const result = packageWith(TEST_ENV, 'complete');
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    expect(result.stdout).toContain(`wrote ${result.out}`);
    zipPath = result.out;
    packaged = JSON.parse(entry(zipPath, 'manifest.json').toString('utf8'));
  });

  it('writes a zip that unzip tests, holding exactly the manifest and the two icons', () => {
    const list = unzip(['-Z1', zipPath]).stdout.toString().trim().split('\n');
    expect(list).toEqual(['manifest.json', 'color.png', 'outline.png']);
    expect(unzip(['-tq', zipPath]).status).toBe(0);
    for (const icon of ['color.png', 'outline.png']) {
      expect(entry(zipPath, icon).equals(readFileSync(path.join(manifestDir, icon)))).toBe(true);
    }
  });

  it('fills every placeholder from the env file', () => {
    expect(JSON.stringify(packaged)).not.toContain('${{');
    expect(packaged).toMatchObject({
      id: TEST_ENV.TEAMS_APP_ID,
      name: { short: 'MARAC-test' },
      validDomains: ['marac-test.azurewebsites.net'],
      webApplicationInfo: {
        id: TEST_ENV.AAD_APP_CLIENT_ID,
        resource: `api://marac-test.azurewebsites.net/${TEST_ENV.AAD_APP_CLIENT_ID}`,
      },
    });
    expect((packaged.bots as { botId: string }[])[0]!.botId).toBe(TEST_ENV.BOT_ID);
    expect((packaged.staticTabs as { contentUrl?: string }[])[1]!.contentUrl).toBe(
      'https://marac-test.azurewebsites.net/research',
    );
  });

  it("is valid against Microsoft's schema of its manifestVersion, and each required field is missed when removed", () => {
    const required = schemaOf(packaged.manifestVersion).required;
    expect(required).toEqual(expect.arrayContaining(['id', 'developer', 'icons', 'accentColor']));
    const broken = Object.fromEntries(
      required.map((field) => {
        const copy: Record<string, unknown> = structuredClone(packaged);
        delete copy[field];
        return [`without-${field}`, copy];
      }),
    );
    const results = validate({ packaged, ...broken });
    expect(results.packaged).toMatchObject({
      schemaFile: `build/json-schemas/teams/v${packaged.manifestVersion}/MicrosoftTeams.schema.json`,
      errors: [],
    });
    for (const field of required) {
      expect(results[`without-${field}`]!.errors.join('\n')).toContain(field);
    }
  });

  it('a manifest with wrong values is not valid either (the check can fail)', () => {
    const broken = structuredClone(packaged) as Record<string, any>;
    broken.bots[0].botId = 'not-a-guid';
    broken.staticTabs[0].scopes = ['everywhere'];
    const errors = validate({ broken }).broken!.errors.join('\n');
    expect(errors).toMatch(/\/bots\/0\/botId/);
    expect(errors).toMatch(/\/staticTabs\/0\/scopes\/0/);
  });

  it('allows an empty APP_NAME_SUFFIX for production', () => {
    const result = packageWith({ ...TEST_ENV, APP_NAME_SUFFIX: '' }, 'production');
    expect(result.status).toBe(0);
    expect(JSON.parse(entry(result.out, 'manifest.json').toString()).name.short).toBe('MARAC');
  });

  it('refuses an env file with a value missing or empty, naming each, and writes nothing', () => {
    const result = packageWith({ ...TEST_ENV, BOT_ID: undefined, TAB_DOMAIN: '' }, 'incomplete');
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/placeholders not set in the env file: BOT_ID, TAB_DOMAIN\b/);
    expect(result.stderr).not.toMatch(/TEAMS_APP_ID/);
    expect(existsSync(result.out)).toBe(false);
  });

  it('refuses what the schema refuses, and a tab outside validDomains, writing nothing', () => {
    const result = packageWith(
      { ...TEST_ENV, BOT_ID: 'not-a-guid', TAB_ENDPOINT: 'http://elsewhere.example' },
      'invalid',
    );
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/schema: .*\/bots\/0\/botId/);
    expect(result.stderr).toMatch(/http:\/\/elsewhere\.example\/: tab URLs must be https/);
    expect(existsSync(result.out)).toBe(false);
  });

  it('refuses icons Teams would refuse', () => {
    const dir = path.join(work, 'bad-icons');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'manifest.json'), templateText);
    const square = (size: number, alpha: number) => {
      const png = new PNG({ width: size, height: size });
      png.data.fill(255);
      for (let i = 3; i < png.data.length; i += 4) png.data[i] = alpha;
      return PNG.sync.write(png);
    };
    writeFileSync(path.join(dir, 'color.png'), square(96, 255));
    writeFileSync(path.join(dir, 'outline.png'), square(32, 255));
    const script = `
      import { buildPackage } from ${JSON.stringify(path.join(manifestDir, 'package-manifest.mjs'))};
      buildPackage(${JSON.stringify(TEST_ENV)}, ${JSON.stringify(dir)}).then(
        () => console.log('built'), (e) => console.log(e.message));`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(result.stdout).toContain('color icon: 96x96, Teams needs 192x192');
    expect(result.stdout).toContain('outline icon: needs a transparent background');
  });

  it('reads infra/env/.env.<name> by default, and says how to fill it', () => {
    const result = npmPackage(['--out', path.join(work, 'dev.zip')]);
    // The committed dev file has the values provision writes left empty.
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/placeholders not set in the env file: .*TEAMS_APP_ID/);
    expect(result.stderr).toMatch(/atk provision/);
    expect(npmPackage(['--env', 'nowhere']).stderr).toMatch(
      /no env file at infra\/env\/\.env\.nowhere/,
    );
    expect(npmPackage(['--env', '../x']).stderr).toMatch(/no env file/);
    expect(npmPackage(['--colour']).stderr).toMatch(/Unknown option '--colour'/);
  });
});
