// Validates Teams app manifests against Microsoft's JSON schema for their manifestVersion, as
// shipped in @microsoft/app-manifest, with the network switched off (the packaging script's own
// check, `schemaErrors`). Prints one {"file", "schemaFile", "errors"} per argument, as a JSON
// array; exits 0 whether or not there are errors.
//
//   node test/manifest/validate-manifest.mjs <manifest.json>...
//
// It runs as its own process because the package loads an ESM-only dependency (strip-bom) with
// require(), which plain Node does (20.19+, 22.12+) but jest's module loader does not.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { schemaErrors } from '../../manifest/package-manifest.mjs';

const packageDir = path.dirname(
  createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json'),
);
const results = [];
for (const file of process.argv.slice(2)) {
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  const version = /\/json-schemas\/teams\/(v[^/]+)\/MicrosoftTeams\.schema\.json$/.exec(
    manifest.$schema ?? '',
  )?.[1];
  const schemaFile = version && `build/json-schemas/teams/${version}/MicrosoftTeams.schema.json`;
  if (!schemaFile || !existsSync(path.join(packageDir, schemaFile))) {
    results.push({ file, schemaFile: null, errors: [`no bundled schema for ${manifest.$schema}`] });
    continue;
  }
  results.push({ file, schemaFile, errors: await schemaErrors(manifest) });
}
process.stdout.write(`${JSON.stringify(results)}\n`);
