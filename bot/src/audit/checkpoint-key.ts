import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The Ed25519 key that signs audit checkpoints. It lives in the data folder, outside the
 * database, so someone who can rewrite the audit table (a database superuser) still cannot sign
 * a checkpoint for the rewritten chain. Someone who can write the data folder can; a deployment
 * that must resist that keeps the key, or at least the public key, somewhere else.
 */
export function checkpointKeyPaths(dataDir: string): { privateKey: string; publicKey: string } {
  const dir = path.join(dataDir, 'keys');
  return {
    privateKey: path.join(dir, 'audit-checkpoint.pem'),
    publicKey: path.join(dir, 'audit-checkpoint.pub.pem'),
  };
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException)?.code === 'ENOENT';
const isTaken = (error: unknown) => (error as NodeJS.ErrnoException)?.code === 'EEXIST';

async function readIfPresent(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

/** Writes a file only if absent ('wx'), so two processes starting at once keep the first key. */
async function writeOnce(file: string, text: string, mode: number): Promise<void> {
  try {
    await writeFile(file, text, { mode, flag: 'wx' });
  } catch (error) {
    if (!isTaken(error)) throw error;
  }
}

/** The signing key, made on first use (private key 0600, public key beside it). */
export async function loadOrCreateSigningKey(dataDir: string): Promise<string> {
  const paths = checkpointKeyPaths(dataDir);
  await mkdir(path.dirname(paths.privateKey), { recursive: true, mode: 0o700 });
  if ((await readIfPresent(paths.privateKey)) === null) {
    const { privateKey } = generateKeyPairSync('ed25519');
    await writeOnce(
      paths.privateKey,
      privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
      0o600,
    );
  }
  // Re-read: if another process won the race, its key is the one on disk.
  const pem = (await readIfPresent(paths.privateKey))!;
  const publicPem = createPublicKey(pem).export({ type: 'spki', format: 'pem' }) as string;
  await writeOnce(paths.publicKey, publicPem, 0o644);
  return pem;
}

/**
 * The key that verifies checkpoints, or null when no checkpoint key was ever made. The public
 * key file is preferred, so verifying needs no access to the private key.
 */
export async function loadVerifyKey(dataDir: string): Promise<KeyObject | null> {
  const paths = checkpointKeyPaths(dataDir);
  const publicPem = await readIfPresent(paths.publicKey);
  if (publicPem !== null) return createPublicKey(publicPem);
  const privatePem = await readIfPresent(paths.privateKey);
  return privatePem === null ? null : createPublicKey(privatePem);
}
