// The Teams app package: manifest template, icons and the packaging script. The manifest is
// validated offline against Microsoft's JSON schema shipped in @microsoft/app-manifest (through
// validate-manifest.mjs, in its own Node process); the zip and the PNGs are read back with readers
// written here (and with `unzip`, when the machine has it).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inflateRawSync, inflateSync } from 'node:zlib';

const root = path.resolve(__dirname, '..', '..');
const manifestDir = path.join(root, 'manifest');
const templateText = readFileSync(path.join(manifestDir, 'manifest.json'), 'utf8');
const template = JSON.parse(templateText);

const TEST_ENV: Record<string, string> = {
  TEAMS_APP_ID: '0f2b6a8e-3c1d-4e5f-9a7b-1c2d3e4f5a6b',
  BOT_ID: '6d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a',
  AAD_APP_CLIENT_ID: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d',
  TAB_DOMAIN: 'marac-test.azurewebsites.net',
  TAB_ENDPOINT: 'https://marac-test.azurewebsites.net',
  APP_NAME_SUFFIX: '-test',
};

// ---------------------------------------------------------------------------------------------
// Small independent readers: CRC-32, ZIP (central directory) and PNG (chunks, filters).

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function readZip(zip: Buffer): Map<string, Buffer> {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(eocd).toBeGreaterThan(0);
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  expect(at + zip.readUInt32LE(eocd + 12)).toBe(eocd);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const size = zip.readUInt32LE(at + 20);
    const length = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    expect(zip.readUInt32LE(local)).toBe(0x04034b50);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const body = zip.subarray(start, start + size);
    expect([0, 8]).toContain(method);
    const data = method === 8 ? inflateRawSync(body) : Buffer.from(body);
    expect({ name, length: data.length, crc: crc32(data) }).toEqual({ name, length, crc });
    files.set(name, data);
    at += 46 + skip;
  }
  return files;
}

interface Png {
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
  rgba: Buffer;
}

function readPng(file: Buffer): Png {
  expect(file.subarray(0, 8)).toEqual(
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  );
  const chunks: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < file.length;) {
    const length = file.readUInt32BE(at);
    const type = file.toString('latin1', at + 4, at + 8);
    const data = file.subarray(at + 8, at + 8 + length);
    expect(file.readUInt32BE(at + 8 + length)).toBe(crc32(file.subarray(at + 4, at + 8 + length)));
    chunks.push({ type, data });
    at += 12 + length;
  }
  expect(chunks[0]?.type).toBe('IHDR');
  expect(chunks.at(-1)?.type).toBe('IEND');
  const ihdr = chunks[0]!.data;
  const png = {
    width: ihdr.readUInt32BE(0),
    height: ihdr.readUInt32BE(4),
    bitDepth: ihdr[8]!,
    colourType: ihdr[9]!,
    interlace: ihdr[12]!,
  };
  // The decoder below handles what a Teams icon should be: 8-bit RGBA, not interlaced.
  expect(png).toMatchObject({ bitDepth: 8, colourType: 6, interlace: 0 });
  const raw = inflateSync(
    Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data)),
  );
  const stride = png.width * 4;
  expect(raw.length).toBe((stride + 1) * png.height);
  const rgba = Buffer.alloc(stride * png.height);
  for (let y = 0; y < png.height; y++) {
    const filter = raw[y * (stride + 1)]!;
    if (filter > 4) throw new Error(`row ${y}: unknown PNG filter type ${filter}`);
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= 4 ? rgba[y * stride + x - 4]! : 0;
      const b = y > 0 ? rgba[(y - 1) * stride + x]! : 0;
      const c = x >= 4 && y > 0 ? rgba[(y - 1) * stride + x - 4]! : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter]!;
      rgba[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return {
    width: png.width,
    height: png.height,
    bitDepth: png.bitDepth,
    colourType: png.colourType,
    rgba,
  };
}

// ---------------------------------------------------------------------------------------------

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'marac-manifest-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function writeEnv(name: string, env: Record<string, string | undefined>): string {
  const file = path.join(work, name);
  const lines = Object.entries(env)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${v}`);
  writeFileSync(file, `# written by manifest.test.ts\n${lines.join('\n')}\n`);
  return file;
}

function runNode(script: string, args: string[]) {
  return spawnSync(process.execPath, [path.join(manifestDir, script), ...args], {
    cwd: root,
    encoding: 'utf8',
  });
}

function packageWith(env: Record<string, string | undefined>, name: string) {
  const out = path.join(work, `${name}.zip`);
  const result = runNode('package-manifest.mjs', [
    '--env',
    writeEnv(`${name}.env`, env),
    '--out',
    out,
  ]);
  return { ...result, out };
}

describe('the manifest template', () => {
  it('uses only the placeholders the toolkit and the packaging script provide', () => {
    const used = new Set([...templateText.matchAll(/\$\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]));
    expect([...used].sort()).toEqual(Object.keys(TEST_ENV).sort());
  });

  it('runs in Outlook and Microsoft 365: manifest 1.13 or later, content tabs in personal scope', () => {
    const [major, minor] = template.manifestVersion.split('.').map(Number);
    expect(major === 1 && minor >= 13).toBe(true);
    expect(template.$schema).toContain(`/teams/v${template.manifestVersion}/`);
    const contentTabs = template.staticTabs.filter((t: { contentUrl?: string }) => t.contentUrl);
    expect(contentTabs).toEqual([
      expect.objectContaining({ contentUrl: '${{TAB_ENDPOINT}}/', scopes: ['personal'] }),
    ]);
  });

  it('declares the bot, the meeting tab and SSO as the app needs them, and no more', () => {
    expect(template.bots).toEqual([
      expect.objectContaining({
        botId: '${{BOT_ID}}',
        scopes: ['personal', 'team', 'groupChat'],
        supportsFiles: false,
      }),
    ]);
    const commands = template.bots[0].commandLists.flatMap(
      (l: { commands: { title: string }[] }) => l.commands,
    );
    expect(commands.map((c: { title: string }) => c.title)).toEqual(['help']);
    expect(template.configurableTabs).toEqual([
      expect.objectContaining({
        configurationUrl: '${{TAB_ENDPOINT}}/config',
        scopes: ['team', 'groupChat'],
        context: ['meetingSidePanel', 'meetingStage', 'meetingChatTab', 'meetingDetailsTab'],
      }),
    ]);
    expect(template.webApplicationInfo).toEqual({
      id: '${{AAD_APP_CLIENT_ID}}',
      resource: 'api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}',
    });
    expect(template.validDomains).toEqual(['${{TAB_DOMAIN}}']);
    // No device access and no resource-specific consent: nothing in the app uses them.
    expect(template.devicePermissions ?? []).toEqual([]);
    expect(template.authorization?.permissions?.resourceSpecific ?? []).toEqual([]);
  });

  it('describes the app in British English', () => {
    const text = `${template.description.short} ${template.description.full}`;
    expect(text).not.toMatch(/\b(organiz|color|center|behavior|analyz|catalog\b|license\b)/i);
    expect(text).toMatch(/Organise/);
  });
});

describe('the icons', () => {
  const cases = [
    { file: 'color.png', size: 192 },
    { file: 'outline.png', size: 32 },
  ];

  it.each(cases)('$file is a valid $size x $size PNG', ({ file, size }) => {
    const png = readPng(readFileSync(path.join(manifestDir, file)));
    expect([png.width, png.height]).toEqual([size, size]);
  });

  it('the outline icon is white on transparent', () => {
    const { rgba } = readPng(readFileSync(path.join(manifestDir, 'outline.png')));
    let transparent = 0;
    let opaque = 0;
    let notWhite = 0;
    for (let i = 0; i < rgba.length; i += 4) {
      const alpha = rgba[i + 3]!;
      if (alpha === 0) transparent++;
      else if (rgba[i] !== 255 || rgba[i + 1] !== 255 || rgba[i + 2] !== 255) notWhite++;
      if (alpha === 255) opaque++;
    }
    expect(notWhite).toBe(0);
    expect(rgba[3]).toBe(0); // the corner shows the background through
    expect(transparent).toBeGreaterThan(32 * 32 * 0.4);
    expect(opaque).toBeGreaterThan(32 * 2);
  });

  it('the colour icon is opaque, in the accent colour with a white symbol', () => {
    const { rgba } = readPng(readFileSync(path.join(manifestDir, 'color.png')));
    const accent = [0x0f, 0x5c, 0x64];
    let white = 0;
    let seeThrough = 0;
    for (let i = 0; i < rgba.length; i += 4) {
      if (rgba[i + 3] !== 255) seeThrough++;
      if (rgba[i] === 255 && rgba[i + 1] === 255 && rgba[i + 2] === 255) white++;
    }
    expect(seeThrough).toBe(0);
    expect([...rgba.subarray(0, 3)]).toEqual(accent);
    expect(template.accentColor.toLowerCase()).toBe('#0f5c64');
    expect(white).toBeGreaterThan(192 * 10);
  });

  it('the committed icons are what make-icons.mjs draws', () => {
    const out = path.join(work, 'icons');
    const result = runNode('make-icons.mjs', ['--out', out]);
    expect(result.status).toBe(0);
    for (const { file } of cases) {
      // Pixels, not bytes: zlib's output may differ between Node versions.
      expect(
        readPng(readFileSync(path.join(out, file))).rgba.equals(
          readPng(readFileSync(path.join(manifestDir, file))).rgba,
        ),
      ).toBe(true);
    }
  });
});

describe('package-manifest.mjs', () => {
  let files: Map<string, Buffer>;
  let zipPath: string;
  beforeAll(() => {
    const result = packageWith(TEST_ENV, 'complete');
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    zipPath = result.out;
    files = readZip(readFileSync(zipPath));
  });

  it('writes a zip holding exactly the manifest and the two icons', () => {
    expect([...files.keys()]).toEqual(['manifest.json', 'color.png', 'outline.png']);
    for (const icon of ['color.png', 'outline.png']) {
      expect(files.get(icon)!.equals(readFileSync(path.join(manifestDir, icon)))).toBe(true);
    }
  });

  const unzip = ['/usr/bin/unzip', '/bin/unzip'].find((p) => existsSync(p));
  (unzip ? it : it.skip)('unzip lists and tests the same three files', () => {
    const list = spawnSync(unzip!, ['-Z1', zipPath], { encoding: 'utf8' });
    expect(list.stdout.trim().split('\n')).toEqual(['manifest.json', 'color.png', 'outline.png']);
    expect(spawnSync(unzip!, ['-tq', zipPath], { encoding: 'utf8' }).status).toBe(0);
  });

  it('fills every placeholder from the env file', () => {
    const text = files.get('manifest.json')!.toString('utf8');
    expect(text).not.toContain('${{');
    const manifest = JSON.parse(text);
    expect(manifest.id).toBe(TEST_ENV.TEAMS_APP_ID);
    expect(manifest.bots[0].botId).toBe(TEST_ENV.BOT_ID);
    expect(manifest.name.short).toBe('MARAC-test');
    expect(manifest.staticTabs[0].contentUrl).toBe('https://marac-test.azurewebsites.net/');
    expect(manifest.webApplicationInfo.resource).toBe(
      `api://marac-test.azurewebsites.net/${TEST_ENV.AAD_APP_CLIENT_ID}`,
    );
  });

  describe("validated against Microsoft's schema, offline", () => {
    function validate(manifest: unknown, name: string): { schemaFile: string; errors: string[] } {
      const file = path.join(work, `${name}.manifest.json`);
      writeFileSync(file, JSON.stringify(manifest));
      const result = spawnSync(
        process.execPath,
        [path.join(__dirname, 'validate-manifest.mjs'), file],
        {
          cwd: root,
          encoding: 'utf8',
        },
      );
      expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
      return JSON.parse(result.stdout);
    }

    it('the packaged manifest is valid against the schema of its manifestVersion', () => {
      const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
      expect(validate(manifest, 'packaged')).toEqual({
        schemaFile: `build/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
        errors: [],
      });
    });

    it('a broken manifest is not (the check can fail)', () => {
      const broken = JSON.parse(files.get('manifest.json')!.toString('utf8'));
      broken.bots[0].botId = 'not-a-guid';
      broken.staticTabs[0].scopes = ['everywhere'];
      delete broken.developer;
      const { errors } = validate(broken, 'broken');
      expect(errors.join('\n')).toMatch(/\/bots\/0\/botId/);
      expect(errors.join('\n')).toMatch(/\/staticTabs\/0\/scopes\/0/);
      expect(errors.join('\n')).toMatch(/developer/);
    });
  });

  it('allows an empty APP_NAME_SUFFIX for production', () => {
    const result = packageWith({ ...TEST_ENV, APP_NAME_SUFFIX: '' }, 'production');
    expect(result.status).toBe(0);
    const manifest = JSON.parse(
      readZip(readFileSync(result.out)).get('manifest.json')!.toString('utf8'),
    );
    expect(manifest.name.short).toBe('MARAC');
  });

  it('refuses an env file with a value missing or empty, naming each, and writes nothing', () => {
    const result = packageWith({ ...TEST_ENV, BOT_ID: undefined, TAB_DOMAIN: '' }, 'incomplete');
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/BOT_ID/);
    expect(result.stderr).toMatch(/TAB_DOMAIN/);
    expect(result.stderr).not.toMatch(/TEAMS_APP_ID/);
    expect(existsSync(result.out)).toBe(false);
  });

  it('refuses to run without --env', () => {
    const result = runNode('package-manifest.mjs', []);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/--env/);
  });
});
