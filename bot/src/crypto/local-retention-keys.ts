import { randomBytes } from 'node:crypto';
import { chmod, link, mkdir, open, readdir, readFile, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { aesUnwrap, aesWrap } from './aes-wrap.js';
import { KekError } from './kek.js';
import { destroyedKeyError, type KeyDestruction, type RetentionKeys } from './retention-keys.js';
import { isPeriod } from './retention-period.js';

const FORMAT = 'marac-retention-key/1';
/** Local keys have one version: a period's key is made once and never rotated, only destroyed. */
const VERSION = '1';

const KeyFile = z.strictObject({
  format: z.literal(FORMAT),
  period: z.string(),
  key: z.base64().refine((k) => Buffer.from(k, 'base64').length === 32, 'the key must be 256 bits'),
  createdAt: z.string(),
});

/**
 * Retention keys of local mode: one file per period, `<dataDir>/keys/retention/<period>.json`
 * (folder 0700, files 0600), beside the key-encryption key and outside the database. Wrapping is
 * AES-256-GCM with the period in the associated data, as the local KEK does.
 *
 * Destroying a key overwrites its file and removes it. On a copy-on-write file system or an SSD
 * the old blocks may survive the overwrite, and a backup of this folder holds the key: back the
 * folder up apart from the database, or not at all (see the README's security model).
 */
export class LocalRetentionKeys implements RetentionKeys {
  private constructor(readonly dir: string) {}

  static async open(dataDir: string): Promise<LocalRetentionKeys> {
    const dir = path.join(dataDir, 'keys', 'retention');
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await chmod(path.dirname(dir), 0o700);
    await chmod(dir, 0o700);
    return new LocalRetentionKeys(dir);
  }

  async wrap(period: string, dataKey: Buffer): Promise<{ wrapped: Buffer; version: string }> {
    const key = (await this.read(period)) ?? (await this.create(period));
    return { wrapped: aesWrap(key, dataKey, aad(period)), version: VERSION };
  }

  async unwrap(period: string, wrapped: Buffer, version: string): Promise<Buffer> {
    const key = await this.read(period);
    if (!key) throw destroyedKeyError(period);
    if (version !== VERSION)
      throw new KekError('KEY_VERSION_MISSING', `Retention key version ${version} is unknown.`);
    try {
      return aesUnwrap(key, wrapped, aad(period));
    } catch (cause) {
      throw new KekError(
        'KEY_UNWRAP_FAILED',
        `A data key does not unwrap with the retention key of period ${period}: the data_key row was altered, or the key file replaced.`,
        { cause },
      );
    }
  }

  async periods(): Promise<{ period: string; state: 'live' | 'deleted' }[]> {
    const names = await readdir(this.dir);
    return names
      .filter((name) => name.endsWith('.json') && isPeriod(name.slice(0, -5)))
      .map((name) => ({ period: name.slice(0, -5), state: 'live' as const }));
  }

  async destroy(period: string): Promise<KeyDestruction> {
    const file = this.file(period);
    let handle;
    try {
      handle = await open(file, 'r+');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'absent' };
      throw error;
    }
    try {
      // Overwritten before it is unlinked, so the blocks a plain file system frees hold no key.
      const { size } = await handle.stat();
      await handle.write(Buffer.alloc(size), 0, size, 0);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await unlink(file);
    await syncFolder(this.dir);
    return { state: 'destroyed' };
  }

  private file(period: string): string {
    if (!isPeriod(period)) throw new TypeError(`"${period}" is not a retention period`);
    return path.join(this.dir, `${period}.json`);
  }

  private async read(period: string): Promise<Buffer | null> {
    const file = this.file(period);
    let text: string;
    try {
      const info = await stat(file);
      if (process.platform !== 'win32' && (info.mode & 0o077) !== 0) {
        throw new KekError(
          'KEY_FILE_INVALID',
          `${file} may be read by other users (mode ${(info.mode & 0o777).toString(8)}): run chmod 600 on it`,
        );
      }
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    let parsed: z.infer<typeof KeyFile>;
    try {
      parsed = KeyFile.parse(JSON.parse(text));
    } catch (cause) {
      throw new KekError(
        'KEY_FILE_INVALID',
        `The retention key file ${file} is damaged: restore it from backup.`,
        { cause },
      );
    }
    if (parsed.period !== period)
      throw new KekError('KEY_FILE_INVALID', `${file} holds the key of another period.`);
    return Buffer.from(parsed.key, 'base64');
  }

  /** Writes a new key; if another process made one first, link() refuses and theirs is used. */
  private async create(period: string): Promise<Buffer> {
    const file = this.file(period);
    const content = {
      format: FORMAT,
      period,
      key: randomBytes(32).toString('base64'),
      createdAt: new Date().toISOString(),
    };
    const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    const handle = await open(tmp, 'wx', 0o600);
    try {
      await handle.writeFile(`${JSON.stringify(content, null, 2)}\n`, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await link(tmp, file).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
      });
    } finally {
      await unlink(tmp).catch(() => undefined);
    }
    await syncFolder(this.dir);
    const key = await this.read(period);
    if (!key) throw new Error(`The retention key of ${period} vanished while it was being made.`);
    return key;
  }
}

const aad = (period: string) => Buffer.from(`marac:retain:v1|data-key|${period}`, 'utf8');

/** Makes a file's creation or removal durable (the folder's entry), where the platform can. */
async function syncFolder(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
