import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { LocalRetentionKeys } from '../../../bot/src/crypto/local-retention-keys.js';
import { tempDataDir } from './support.js';

const AREA = '0b7c8e2a-3d4f-4a5b-8c6d-7e8f9a0b1c2d';
const Q1 = `${AREA}-2033-q1`;
const Q2 = `${AREA}-2033-q2`;

describe('retention keys in local mode', () => {
  let data: ReturnType<typeof tempDataDir>;
  let keys: LocalRetentionKeys;
  const file = (period: string) => path.join(data.dir, 'keys', 'retention', `${period}.json`);
  beforeEach(async () => {
    data = tempDataDir();
    keys = await LocalRetentionKeys.open(data.dir);
  });
  afterEach(() => data.remove());

  it('makes a period’s key on first use, readable by the owner only, and unwraps what it wrapped', async () => {
    const dataKey = randomBytes(32);
    expect(await keys.periods()).toEqual([]);
    const { wrapped, version } = await keys.wrap(Q1, dataKey);
    expect(statSync(file(Q1)).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file(Q1))).mode & 0o777).toBe(0o700);
    expect(await keys.unwrap(Q1, wrapped, version)).toEqual(dataKey);
    expect(await keys.periods()).toEqual([{ period: Q1, state: 'live' }]);
    // The key file holds the key, never the data key.
    expect(readFileSync(file(Q1)).includes(dataKey.toString('base64'))).toBe(false);
  });

  it('binds a wrapped key to its period', async () => {
    const { wrapped, version } = await keys.wrap(Q1, randomBytes(32));
    await keys.wrap(Q2, randomBytes(32));
    await expect(keys.unwrap(Q2, wrapped, version)).rejects.toMatchObject({
      code: 'KEY_UNWRAP_FAILED',
    });
  });

  it('gives two processes making one period’s key at once the same key', async () => {
    const other = await LocalRetentionKeys.open(data.dir);
    const [a, b] = await Promise.all([
      keys.wrap(Q1, Buffer.alloc(32, 1)),
      other.wrap(Q1, Buffer.alloc(32, 2)),
    ]);
    expect(await other.unwrap(Q1, a.wrapped, a.version)).toEqual(Buffer.alloc(32, 1));
    expect(await keys.unwrap(Q1, b.wrapped, b.version)).toEqual(Buffer.alloc(32, 2));
  });

  it('destroys a key for good: what it wrapped no longer unwraps, and a second destroy finds none', async () => {
    const { wrapped, version } = await keys.wrap(Q1, randomBytes(32));
    expect(await keys.destroy(Q1)).toEqual({ state: 'destroyed' });
    expect(existsSync(file(Q1))).toBe(false);
    await expect(keys.unwrap(Q1, wrapped, version)).rejects.toMatchObject({
      code: 'RETENTION_KEY_DESTROYED',
    });
    expect(await keys.destroy(Q1)).toEqual({ state: 'absent' });
    expect(await keys.periods()).toEqual([]);
  });

  it('refuses a key file others may read, and a name that is not a period', async () => {
    await keys.wrap(Q1, randomBytes(32));
    chmodSync(file(Q1), 0o644);
    await expect(keys.wrap(Q1, randomBytes(32))).rejects.toMatchObject({
      code: 'KEY_FILE_INVALID',
    });
    await expect(keys.wrap('../kek', randomBytes(32))).rejects.toThrow(/not a retention period/);
  });
});
