import { randomBytes, sign, verify } from 'node:crypto';
import { chmod, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../db/db.js';
import { loadOrCreateSigningKey, loadVerifyKey } from './checkpoint-key.js';

/**
 * A signed note of the latest audit entry's id and hash, kept outside the database. The hash
 * chain alone catches an edited or deleted entry, but someone who can write the table can also
 * recompute every later hash; the checkpoint catches that, because they cannot sign a new one.
 */
export interface Checkpoint {
  id: string;
  hash: string;
  /** When the checkpoint was written (not the entry's time). */
  at: string;
  /** Ed25519 over `checkpointMessage`, base64. */
  signature: string;
}

export type CheckpointRead =
  /** No checkpoint has ever been written here. */
  | { status: 'none' }
  | { status: 'valid'; checkpoint: Checkpoint }
  /** Forged, edited, unreadable, or deleted after one was written. */
  | { status: 'invalid'; reason: string };

export const checkpointPath = (dataDir: string) => path.join(dataDir, 'audit', 'checkpoint.json');

/** What is signed: a format tag and the three fields, one per line, so no field can run into another. */
export const checkpointMessage = (c: Pick<Checkpoint, 'id' | 'hash' | 'at'>) =>
  `marac-audit-checkpoint-v1\n${c.id}\n${c.hash}\n${c.at}`;

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException)?.code === 'ENOENT';

function parseCheckpoint(text: string): Checkpoint | null {
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    const { id, hash, at, signature } = value;
    if (typeof id !== 'string' || !/^[1-9][0-9]{0,18}$/.test(id)) return null;
    if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash)) return null;
    if (typeof at !== 'string' || typeof signature !== 'string') return null;
    return { id, hash, at, signature };
  } catch {
    return null;
  }
}

/** Reads the checkpoint and checks its signature. Expected failures are values, not throws. */
export async function readCheckpoint(dataDir: string): Promise<CheckpointRead> {
  const key = await loadVerifyKey(dataDir);
  let text: string;
  try {
    text = await readFile(checkpointPath(dataDir), 'utf8');
  } catch (error) {
    if (!isMissing(error)) throw error;
    // The key is made with the first checkpoint, so a key without a checkpoint means a deletion.
    return key
      ? { status: 'invalid', reason: 'the signed checkpoint is missing (deleted)' }
      : { status: 'none' };
  }
  if (!key)
    return {
      status: 'invalid',
      reason: 'the checkpoint key is missing, so the checkpoint cannot be trusted',
    };
  const checkpoint = parseCheckpoint(text);
  if (!checkpoint)
    return { status: 'invalid', reason: 'the checkpoint file is unreadable (edited)' };
  const good = verify(
    null,
    Buffer.from(checkpointMessage(checkpoint)),
    key,
    Buffer.from(checkpoint.signature, 'base64'),
  );
  if (!good)
    return {
      status: 'invalid',
      reason: 'the checkpoint signature is not valid (forged or edited)',
    };
  return { status: 'valid', checkpoint };
}

/** Write to a temporary file and rename, so a crash never leaves half a checkpoint. */
async function writeAtomically(file: string, text: string): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  const temp = path.join(dir, `.checkpoint.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } finally {
    await rm(temp, { force: true });
  }
}

/**
 * Refuses to replace a checkpoint that no longer matches the log: moving it on would bless a
 * rewritten or truncated chain and destroy the evidence.
 */
async function assertCanAdvance(db: Db, dataDir: string, nextId: string): Promise<void> {
  const current = await readCheckpoint(dataDir);
  if (current.status === 'none') return;
  if (current.status === 'invalid')
    throw new Error(`audit checkpoint not replaced: ${current.reason}`);
  const { id, hash } = current.checkpoint;
  const row = await db.query<{ hash: string }>('SELECT hash FROM audit_log WHERE id = $1::bigint', [
    id,
  ]);
  if (row.rows[0]?.hash !== hash) {
    throw new Error(
      `audit checkpoint not replaced: entry ${id} no longer matches it (run audit-verify)`,
    );
  }
  if (BigInt(nextId) < BigInt(id)) {
    throw new Error(
      `audit checkpoint not replaced: entry ${nextId} is before the signed entry ${id}`,
    );
  }
}

/**
 * Signs the latest entry (or entry `upTo`, e.g. the last one a verification covered) and writes
 * the checkpoint to `<dataDir>/audit/checkpoint.json`. Returns null, writing nothing, on an
 * empty log.
 */
export async function writeCheckpoint(
  db: Db,
  dataDir: string,
  options: { upTo?: string } = {},
): Promise<Checkpoint | null> {
  const entry = await entryToSign(db, options.upTo);
  if (!entry) return null;
  await assertCanAdvance(db, dataDir, entry.id);
  const privateKey = await loadOrCreateSigningKey(dataDir);
  const unsigned = { id: entry.id, hash: entry.hash, at: new Date().toISOString() };
  const signature = sign(null, Buffer.from(checkpointMessage(unsigned)), privateKey).toString(
    'base64',
  );
  const checkpoint: Checkpoint = { ...unsigned, signature };
  await writeAtomically(checkpointPath(dataDir), `${JSON.stringify(checkpoint, null, 2)}\n`);
  return checkpoint;
}

async function entryToSign(
  db: Db,
  upTo: string | undefined,
): Promise<{ id: string; hash: string } | null> {
  const columns = 'SELECT id::text AS id, hash FROM audit_log';
  if (upTo === undefined) {
    return (
      (
        await db.query<{ id: string; hash: string }>(
          `${columns} ORDER BY audit_log.id DESC LIMIT 1`,
        )
      ).rows[0] ?? null
    );
  }
  const row = (
    await db.query<{ id: string; hash: string }>(`${columns} WHERE id = $1::bigint`, [upTo])
  ).rows[0];
  if (!row) throw new Error(`audit checkpoint not written: there is no entry ${upTo}`);
  return row;
}
