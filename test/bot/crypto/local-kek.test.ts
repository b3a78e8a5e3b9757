import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { KekError } from '../../../bot/src/crypto/kek.js';
import { LocalFileKek } from '../../../bot/src/crypto/local-kek.js';
import { dropKeyVersion, keyFile, tempDataDir } from './support.js';

describe('LocalFileKek', () => {
  let data: ReturnType<typeof tempDataDir>;
  beforeEach(() => (data = tempDataDir()));
  afterEach(() => data.remove());

  it('creates the key file on first use, readable by its owner only, and reuses it', async () => {
    const first = await LocalFileKek.open(data.dir);
    const file = keyFile(data.dir);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    const before = readFileSync(file, 'utf8');
    const dataKey = randomBytes(32);
    const { wrapped, version } = await first.wrap(dataKey);
    expect(version).toBe('1');
    expect(wrapped.includes(dataKey)).toBe(false);

    const again = await LocalFileKek.open(data.dir);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(await again.unwrap(wrapped, version)).toEqual(dataKey);
  });

  it('makes one key file when two processes start at once', async () => {
    const [a, b] = await Promise.all([LocalFileKek.open(data.dir), LocalFileKek.open(data.dir)]);
    const dataKey = randomBytes(32);
    const { wrapped, version } = await a.wrap(dataKey);
    expect(await b.unwrap(wrapped, version)).toEqual(dataKey);
  });

  it.each([
    ['not JSON', '{"format": "marac-kek/1", '],
    ['another format', JSON.stringify({ format: 'other', current: '1', versions: {} })],
    [
      'a current version it lacks',
      JSON.stringify({ format: 'marac-kek/1', current: '2', versions: {} }),
    ],
    [
      'a short key',
      JSON.stringify({
        format: 'marac-kek/1',
        current: '1',
        versions: { '1': { key: 'AAAA', createdAt: 'x' } },
      }),
    ],
  ])('refuses a key file with %s, saying to restore it', async (_why, content) => {
    await LocalFileKek.open(data.dir);
    writeFileSync(keyFile(data.dir), content, { mode: 0o600 });
    const opening = LocalFileKek.open(data.dir);
    await expect(opening).rejects.toThrow(KekError);
    await expect(opening).rejects.toThrow(`The key file ${keyFile(data.dir)} is damaged`);
    await expect(opening).rejects.toThrow('restore it from backup');
  });

  it('refuses a key file other users may read', async () => {
    await LocalFileKek.open(data.dir);
    chmodSync(keyFile(data.dir), 0o644);
    await expect(LocalFileKek.open(data.dir)).rejects.toThrow('(mode 644): run chmod 600');
  });

  it('rotates to a new version and still unwraps keys wrapped under the old one', async () => {
    const kek = await LocalFileKek.open(data.dir);
    const dataKey = randomBytes(32);
    const old = await kek.wrap(dataKey);
    expect(await kek.rotate()).toBe('2');
    expect(await kek.currentVersion()).toBe('2');
    expect((await kek.wrap(dataKey)).version).toBe('2');
    expect(await kek.unwrap(old.wrapped, '1')).toEqual(dataKey);
    expect(statSync(keyFile(data.dir)).mode & 0o777).toBe(0o600);
  });

  it('names the missing version and the file when a version is gone', async () => {
    const kek = await LocalFileKek.open(data.dir);
    const { wrapped } = await kek.wrap(randomBytes(32));
    await expect(kek.unwrap(wrapped, '3')).rejects.toThrow(
      `key version 3 is not in ${keyFile(data.dir)}: restore the key file from backup`,
    );
    await kek.rotate();
    dropKeyVersion(data.dir, '1');
    await expect(kek.unwrap(wrapped, '1')).rejects.toMatchObject({ code: 'KEY_VERSION_MISSING' });
  });

  it('binds a wrapped key to its version and detects tampering', async () => {
    const kek = await LocalFileKek.open(data.dir);
    const { wrapped } = await kek.wrap(randomBytes(32));
    await kek.rotate();
    await expect(kek.unwrap(wrapped, '2')).rejects.toMatchObject({ code: 'KEY_UNWRAP_FAILED' });
    const tampered = Buffer.from(wrapped);
    tampered[20]! ^= 1;
    await expect(kek.unwrap(tampered, '1')).rejects.toThrow('does not unwrap');
  });
});
