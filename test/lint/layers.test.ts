import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// The lint's dependency rules, run on a small tree laid out like ours, so a rule that can no
// longer fail is caught here.
const repo = path.resolve(__dirname, '..', '..');
const depcruise = path.join(repo, 'node_modules', '.bin', 'depcruise');

function cruise(files: Record<string, string>): { status: number | null; output: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'marac-layers-'));
  try {
    writeFileSync(
      path.join(dir, 'tsconfig.json'),
      '{"compilerOptions":{"module":"NodeNext","moduleResolution":"NodeNext"}}',
    );
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
    const run = spawnSync(
      depcruise,
      ['bot', '--config', path.join(repo, '.dependency-cruiser.cjs')],
      {
        cwd: dir,
        encoding: 'utf8',
      },
    );
    return { status: run.status, output: run.stdout + run.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('folder layers', () => {
  it('accepts a repository that imports crypto, which imports the database seam', () => {
    const run = cruise({
      'bot/src/db/db.ts': 'export const db = 1;\n',
      'bot/src/crypto/cipher.ts': "import { db } from '../db/db.js';\nexport const c = db;\n",
      'bot/src/store/repo.ts': "import { c } from '../crypto/cipher.js';\nexport const r = c;\n",
    });
    expect(run.output).toContain('no dependency violations');
    expect(run.status).toBe(0);
  });

  it('fails when two folders import each other', () => {
    const run = cruise({
      'bot/src/crypto/cipher.ts': "import { r } from '../store/repo.js';\nexport const c = r;\n",
      'bot/src/store/repo.ts': "import { c } from '../crypto/cipher.js';\nexport const r = c;\n",
    });
    expect(run.status).not.toBe(0);
    expect(run.output).toContain('layer-crypto');
    expect(run.output).toContain('no-circular');
  });

  it('fails when a lower folder reaches up through a third', () => {
    const run = cruise({
      'bot/src/db/db.ts': "import { h } from '../http/app.js';\nexport const db = h;\n",
      'bot/src/http/app.ts': 'export const h = 1;\n',
    });
    expect(run.status).not.toBe(0);
    expect(run.output).toContain('layer-db');
  });

  it('fails for a new folder that has no layer yet', () => {
    const run = cruise({
      'bot/src/db/db.ts': 'export const db = 1;\n',
      'bot/src/newthing/a.ts': "import { db } from '../db/db.js';\nexport const a = db;\n",
    });
    expect(run.status).not.toBe(0);
    expect(run.output).toContain('bot-folders-are-layered');
  });
});
