import { randomBytes } from 'node:crypto';
import { chmod, link, mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { aesUnwrap, aesWrap } from './aes-wrap.js';
import { KekError, type KeyEncryptionKey } from './kek.js';

const FORMAT = 'marac-kek/1';

const Keyring = z
  .strictObject({
    format: z.literal(FORMAT),
    current: z.string(),
    versions: z.record(
      z.string().regex(/^[1-9][0-9]*$/),
      z.strictObject({ key: z.base64(), createdAt: z.string() }),
    ),
  })
  .refine((ring) => Object.hasOwn(ring.versions, ring.current), {
    message: 'the current version is not in versions',
  })
  .refine(
    (ring) => Object.values(ring.versions).every((v) => Buffer.from(v.key, 'base64').length === 32),
    {
      message: 'every key must be 256 bits',
    },
  );
type Keyring = z.infer<typeof Keyring>;

/**
 * The KEK of local mode: a keyring file `<dataDir>/keys/kek.json` (directory 0700, file 0600),
 * made on first use. Each version is a random 256-bit key; rotation adds one and makes it current.
 *
 * Wrapping is AES-256-GCM with a random 96-bit IV and the version in the associated data, not
 * AES-KW: it is the same primitive the fields use (one thing to review), the AAD binds a wrapped
 * key to its purpose and version, and a local keyring wraps far fewer than the 2^32 keys after
 * which random GCM IVs would become a concern.
 *
 * The file is read on every call (calls are rare: data keys are cached), so a rotation made by
 * `npx marac rotate-keys` in another process is seen by a running server at once.
 */
export class LocalFileKek implements KeyEncryptionKey {
  private constructor(readonly file: string) {}

  /** Opens the keyring under `dataDir`, creating it with one version if there is none. */
  static async open(dataDir: string): Promise<LocalFileKek> {
    const file = path.join(dataDir, 'keys', 'kek.json');
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    await chmod(path.dirname(file), 0o700);
    if (!(await exists(file))) {
      const first: Keyring = { format: FORMAT, current: '1', versions: { '1': newVersion() } };
      // link() refuses to replace: if two processes start at once, both end up with the same file.
      await writeAtomically(file, first, (tmp) => link(tmp, file).catch(ignoreExists));
    }
    const kek = new LocalFileKek(file);
    await kek.read();
    return kek;
  }

  async currentVersion(): Promise<string> {
    return (await this.read()).current;
  }

  async wrap(dataKey: Buffer): Promise<{ wrapped: Buffer; version: string }> {
    const ring = await this.read();
    const version = ring.current;
    return { wrapped: aesWrap(this.keyOf(ring, version), dataKey, aad(version)), version };
  }

  async unwrap(wrapped: Buffer, version: string): Promise<Buffer> {
    const key = this.keyOf(await this.read(), version);
    try {
      return aesUnwrap(key, wrapped, aad(version));
    } catch (cause) {
      throw new KekError(
        'KEY_UNWRAP_FAILED',
        `A data key wrapped under key version ${version} does not unwrap with ${this.file}: ` +
          'the key file is not the one it was wrapped with (restore it from backup), or the data_key row was altered.',
        { cause },
      );
    }
  }

  async rotate(): Promise<string> {
    const ring = await this.read();
    const next = String(Math.max(...Object.keys(ring.versions).map(Number)) + 1);
    const updated: Keyring = {
      ...ring,
      current: next,
      versions: { ...ring.versions, [next]: newVersion() },
    };
    await writeAtomically(this.file, updated, (tmp) => rename(tmp, this.file));
    return next;
  }

  private keyOf(ring: Keyring, version: string): Buffer {
    const entry = Object.hasOwn(ring.versions, version) ? ring.versions[version] : undefined;
    if (!entry) {
      throw new KekError(
        'KEY_VERSION_MISSING',
        `key version ${version} is not in ${this.file}: restore the key file from backup`,
      );
    }
    return Buffer.from(entry.key, 'base64');
  }

  private async read(): Promise<Keyring> {
    const info = await stat(this.file);
    if (process.platform !== 'win32' && (info.mode & 0o077) !== 0) {
      const mode = (info.mode & 0o777).toString(8);
      throw new KekError(
        'KEY_FILE_INVALID',
        `${this.file} may be read by other users (mode ${mode}): run chmod 600 on it`,
      );
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(this.file, 'utf8'));
    } catch (cause) {
      throw corrupt(this.file, 'it is not JSON', cause);
    }
    const result = Keyring.safeParse(parsed);
    if (!result.success)
      throw corrupt(this.file, result.error.issues[0]?.message ?? 'invalid', result.error);
    return result.data;
  }
}

const aad = (version: string) => Buffer.from(`marac:kek:v1|data-key|${version}`, 'utf8');

const newVersion = () => ({
  key: randomBytes(32).toString('base64'),
  createdAt: new Date().toISOString(),
});

const corrupt = (file: string, why: string, cause: unknown) =>
  new KekError(
    'KEY_FILE_INVALID',
    `The key file ${file} is damaged (${why}): restore it from backup.`,
    { cause },
  );

const exists = (file: string) =>
  stat(file).then(
    () => true,
    (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? false : Promise.reject(error)),
  );

function ignoreExists(error: NodeJS.ErrnoException): void {
  if (error.code !== 'EEXIST') throw error;
}

/** Writes a temporary file (0600, flushed) beside `file`, then lets `place` move it into place. */
async function writeAtomically(
  file: string,
  ring: Keyring,
  place: (tmp: string) => Promise<void>,
): Promise<void> {
  const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(tmp, 'wx', 0o600);
  try {
    await handle.writeFile(`${JSON.stringify(ring, null, 2)}\n`, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await place(tmp);
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}
