// Validates a Teams app manifest against Microsoft's JSON schema for its manifestVersion, as
// shipped in @microsoft/app-manifest, with the network switched off: the schema must come from
// the package. Prints {"schemaFile", "errors"} as JSON; exits 0 whether or not there are errors.
//
//   node test/manifest/validate-manifest.mjs <manifest.json>
//
// It runs as its own process because the package loads an ESM-only dependency (strip-bom) with
// require(), which plain Node does (20.19+, 22.12+) but jest's module loader does not.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import appManifest from '@microsoft/app-manifest';

const { AppManifestUtils } = appManifest;

globalThis.fetch = () => {
  throw new Error('network access during schema validation');
};

const manifest = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const version = /\/json-schemas\/teams\/(v[^/]+)\/MicrosoftTeams\.schema\.json$/.exec(
  manifest.$schema ?? '',
)?.[1];
if (!version) {
  console.error(`not a Teams schema URL: ${manifest.$schema}`);
  process.exit(2);
}
const require = createRequire(import.meta.url);
const packageDir = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
const schemaFile = path.join(
  packageDir,
  'build',
  'json-schemas',
  'teams',
  version,
  'MicrosoftTeams.schema.json',
);
if (!existsSync(schemaFile)) {
  console.error(`@microsoft/app-manifest does not ship the ${version} schema`);
  process.exit(2);
}
// The package's own loader: it reads the shipped file for developer.microsoft.com URLs (and
// cleans two escapes its validator cannot compile); the schema object is then passed explicitly.
const schema = await AppManifestUtils.fetchSchema(manifest.$schema);
const errors = await AppManifestUtils.validateAgainstSchema(manifest, schema);
process.stdout.write(
  `${JSON.stringify({ schemaFile: path.relative(packageDir, schemaFile), errors })}\n`,
);
