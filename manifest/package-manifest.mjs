// Builds the Teams app package: fills the ${{VAR}} placeholders of manifest/manifest.json from an
// env file and writes a zip with manifest.json and the two icons.
//
//   node manifest/package-manifest.mjs --env infra/env/.env.dev [--out dist/teams-app.zip]
//
// The env file holds KEY=VALUE lines (# comments, optional quotes), as the Microsoft 365 Agents
// Toolkit writes them. A placeholder whose key is missing, or empty, stops the build with a message
// naming it; only APP_NAME_SUFFIX may be empty (a production app has no suffix). Values are put
// into the parsed JSON, never spliced into its text, so a quote in a value cannot break it.
// The zip is written here with node:zlib and a CRC-32: no zip library.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { crc32 } from './encoding.mjs';

const MAY_BE_EMPTY = new Set(['APP_NAME_SUFFIX']);
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export function parseEnvFile(text) {
  const env = new Map();
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    const eq = trimmed.indexOf('=');
    if (eq < 1) continue;
    const key = trimmed.slice(0, eq).trim();
    let value = trimmed.slice(eq + 1).trim();
    if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.at(-1) === value[0]) {
      value = value.slice(1, -1);
    }
    env.set(key, value);
  }
  return env;
}

/** Replaces the placeholders in every string of the manifest; throws naming every unset one. */
export function fillPlaceholders(manifest, env) {
  const unset = new Set();
  const fill = (node) => {
    if (typeof node === 'string') {
      return node.replace(PLACEHOLDER, (whole, key) => {
        const value = env.get(key);
        if (value === undefined || (value === '' && !MAY_BE_EMPTY.has(key))) unset.add(key);
        return value ?? whole;
      });
    }
    if (Array.isArray(node)) return node.map(fill);
    if (node && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, fill(v)]));
    }
    return node;
  };
  const filled = fill(manifest);
  if (unset.size > 0) {
    const names = [...unset].sort().join(', ');
    throw new Error(`placeholders not set in the env file: ${names}`);
  }
  return filled;
}

/** A zip archive (PKWARE APPNOTE 4.3): deflate where it helps, stored otherwise; fixed timestamps. */
export function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  const dosTime = 0; // 00:00:00
  const dosDate = (1 << 5) | 1; // 1980-01-01: the same bytes on every build
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const deflated = deflateRawSync(data, { level: 9 });
    const method = deflated.length < data.length ? 8 : 0;
    const body = method === 8 ? deflated : data;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed to extract: 2.0
    local.writeUInt16LE(0, 6); // flags
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28); // extra field length
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by: 2.0, MS-DOS attributes
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(dosTime, 12);
    central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    // extra length, comment length, disk number, internal and external attributes stay 0
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, body);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Reads the template and icons from `manifestDir` and returns the package bytes. */
export function buildPackage(manifestDir, env) {
  const template = JSON.parse(readFileSync(path.join(manifestDir, 'manifest.json'), 'utf8'));
  const manifest = fillPlaceholders(template, env);
  const icons = [manifest.icons.color, manifest.icons.outline];
  return zip([
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) },
    ...icons.map((icon) => ({ name: icon, data: readFileSync(path.join(manifestDir, icon)) })),
  ]);
}

function main(argv) {
  const args = new Map();
  for (let i = 0; i < argv.length; i += 2) {
    if (!['--env', '--out'].includes(argv[i]) || argv[i + 1] === undefined) {
      throw new Error(`unknown or incomplete option: ${argv[i]}`);
    }
    args.set(argv[i], argv[i + 1]);
  }
  if (!args.has('--env')) throw new Error('--env <file> is required');
  const here = import.meta.dirname;
  const out = path.resolve(args.get('--out') ?? path.join(here, '..', 'dist', 'teams-app.zip'));
  const env = parseEnvFile(readFileSync(args.get('--env'), 'utf8'));
  const bytes = buildPackage(here, env);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, bytes);
  process.stdout.write(
    `wrote ${path.relative(process.cwd(), out) || out} (${bytes.length} bytes)\n`,
  );
}

if (
  process.argv[1] &&
  path.resolve(process.argv[1]) === path.join(import.meta.dirname, 'package-manifest.mjs')
) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    console.error(`package-manifest: ${error.message}`);
    process.exit(error.code === 'ENOENT' ? 66 : 1);
  }
}
