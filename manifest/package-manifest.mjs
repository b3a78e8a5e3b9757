// `npm run package [-- --env <name>] [--out <file>]`: the Teams app package for one environment.
//
// Fills the ${{VAR}} placeholders of manifest/manifest.json from infra/env/.env.<name> (default
// `dev`, the file the Microsoft 365 Agents Toolkit writes; `--env` also takes a path to an env
// file), checks the result, and writes dist/appPackage.<name>.zip holding manifest.json and the
// two icons. It writes nothing when a check fails, and says which:
// - every placeholder has a value (only APP_NAME_SUFFIX may be empty: production has none);
// - the manifest is valid against Microsoft's JSON schema for its manifestVersion, the copy
//   shipped in @microsoft/app-manifest (no network);
// - the icons are PNGs of the sizes Teams requires: colour 192x192, outline 32x32, white on
//   transparent;
// - every tab URL is https on a domain in validDomains, and the SSO resource is on that domain.
// Values go into the parsed JSON, never into its text, so a quote in a value cannot break it.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv, parseArgs } from 'node:util';
import appManifest from '@microsoft/app-manifest';
import { zipSync } from 'fflate';
import pngjs from 'pngjs';

const here = import.meta.dirname;
const root = path.join(here, '..');
const MAY_BE_EMPTY = new Set(['APP_NAME_SUFFIX']);
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
/** What Teams requires of the two icons. */
export const ICONS = {
  color: { size: 192, transparent: false },
  outline: { size: 32, transparent: true },
};

export class PackageError extends Error {}

/** `dev` is infra/env/.env.dev; anything with a slash is a path. */
export function envFilePath(env) {
  if (env.includes('/') || env.includes(path.sep)) return path.resolve(env);
  if (!/^[a-z0-9][a-z0-9-]*$/i.test(env))
    throw new PackageError(`--env: expected an environment name such as dev, not "${env}"`);
  return path.join(root, 'infra', 'env', `.env.${env}`);
}

/** Replaces the placeholders in every string of the manifest; throws naming every unset one. */
export function fillPlaceholders(manifest, values) {
  const unset = new Set();
  const fill = (node) => {
    if (typeof node === 'string') {
      return node.replace(PLACEHOLDER, (whole, key) => {
        const value = values[key];
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
    throw new PackageError(
      `placeholders not set in the env file: ${[...unset].sort().join(', ')}. ` +
        '`atk provision` writes them (see "Deploying to a tenant" in README.md), or set them by hand.',
    );
  }
  return filled;
}

/** Schema errors as "path: message" lines, against the schema shipped in @microsoft/app-manifest. */
export async function schemaErrors(manifest) {
  const { AppManifestUtils } = appManifest;
  const realFetch = globalThis.fetch;
  // The package reads its bundled copy for developer.microsoft.com schema URLs; nothing may
  // leave this machine while it does.
  globalThis.fetch = () => {
    throw new PackageError('network access during schema validation');
  };
  try {
    const schema = await AppManifestUtils.fetchSchema(manifest.$schema);
    return await AppManifestUtils.validateAgainstSchema(manifest, schema);
  } finally {
    globalThis.fetch = realFetch;
  }
}

/** What is wrong with one icon, or null. */
export function iconProblem(name, bytes) {
  const { size, transparent } = ICONS[name];
  let png;
  try {
    png = pngjs.PNG.sync.read(bytes);
  } catch (error) {
    return `${name} icon: not a PNG (${error.message})`;
  }
  if (png.width !== size || png.height !== size)
    return `${name} icon: ${png.width}x${png.height}, Teams needs ${size}x${size}`;
  let clear = 0;
  let notWhite = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    if (png.data[i + 3] < 255) clear++;
    if (
      png.data[i + 3] > 0 &&
      (png.data[i] < 255 || png.data[i + 1] < 255 || png.data[i + 2] < 255)
    )
      notWhite++;
  }
  if (transparent && clear === 0) return `${name} icon: needs a transparent background`;
  if (transparent && notWhite > 0) return `${name} icon: must be white on transparent`;
  if (!transparent && clear > 0) return `${name} icon: must be opaque (full bleed)`;
  return null;
}

/** Tab URLs on https and on a valid domain; the SSO resource on the same domain. */
export function domainProblems(manifest) {
  const domains = new Set(manifest.validDomains ?? []);
  const urls = [
    ...(manifest.staticTabs ?? []).flatMap((t) => [t.contentUrl, t.websiteUrl]),
    ...(manifest.configurableTabs ?? []).map((t) => t.configurationUrl),
  ].filter(Boolean);
  const problems = [];
  for (const url of urls) {
    const parsed = URL.canParse(url) ? new URL(url) : null;
    if (!parsed || parsed.protocol !== 'https:') problems.push(`${url}: tab URLs must be https`);
    else if (!domains.has(parsed.host))
      problems.push(`${url}: ${parsed.host} is not in validDomains`);
  }
  const resource = manifest.webApplicationInfo?.resource;
  if (resource && !resource.startsWith(`api://${[...domains][0]}/`))
    problems.push(`webApplicationInfo.resource ${resource} is not on ${[...domains][0]}`);
  return problems;
}

/** The package's bytes for these env values, or a PackageError naming every problem. */
export async function buildPackage(values, manifestDir = here) {
  const template = JSON.parse(readFileSync(path.join(manifestDir, 'manifest.json'), 'utf8'));
  const manifest = fillPlaceholders(template, values);
  const icons = Object.fromEntries(
    Object.keys(ICONS).map((name) => [
      name,
      readFileSync(path.join(manifestDir, manifest.icons[name])),
    ]),
  );
  const problems = [
    ...(await schemaErrors(manifest)).map((e) => `schema: ${e}`),
    ...Object.entries(icons).map(([name, bytes]) => iconProblem(name, bytes)),
    ...domainProblems(manifest),
  ].filter(Boolean);
  if (problems.length > 0) throw new PackageError(problems.join('\n'));
  const text = `${JSON.stringify(manifest, null, 2)}\n`;
  // A fixed time: the same inputs give the same bytes.
  const mtime = new Date('2000-01-01T00:00:00Z');
  return {
    manifest,
    bytes: Buffer.from(
      zipSync(
        {
          'manifest.json': [new TextEncoder().encode(text), { mtime }],
          [manifest.icons.color]: [icons.color, { mtime }],
          [manifest.icons.outline]: [icons.outline, { mtime }],
        },
        { level: 9 },
      ),
    ),
  };
}

async function main(argv) {
  const { values: args } = parseArgs({
    args: argv,
    options: { env: { type: 'string', default: 'dev' }, out: { type: 'string' } },
    strict: true,
  });
  const envFile = envFilePath(args.env);
  let text;
  try {
    text = readFileSync(envFile, 'utf8');
  } catch {
    throw new PackageError(`no env file at ${path.relative(process.cwd(), envFile) || envFile}`);
  }
  const name = path.basename(envFile).replace(/^\.env\./, '');
  const out = path.resolve(args.out ?? path.join(root, 'dist', `appPackage.${name}.zip`));
  const { bytes } = await buildPackage(parseEnv(text));
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, bytes);
  const shown = path.relative(process.cwd(), out);
  process.stdout.write(`wrote ${shown.startsWith('..') ? out : shown} (${bytes.length} bytes)\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(here, 'package-manifest.mjs')) {
  main(process.argv.slice(2)).catch((error) => {
    const known = error instanceof PackageError || error.code?.startsWith?.('ERR_PARSE_ARGS');
    console.error(`npm run package: ${known ? error.message : error.stack}`);
    process.exit(1);
  });
}
