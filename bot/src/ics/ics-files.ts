import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Writes `content` to `dir/name` so that a reader sees the whole file or none of it: the bytes
 * go to a hidden temporary file in the same folder (same file system, so rename is atomic), are
 * flushed to disk, and the file is then renamed into place.
 */
export async function writeFileAtomically(
  dir: string,
  name: string,
  content: string | Uint8Array,
): Promise<string> {
  await mkdir(dir, { recursive: true });
  const target = join(dir, name);
  const temporary = join(dir, `.${name}.${randomUUID()}.tmp`);
  try {
    const handle = await open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return target;
}

/** Keeps ids usable as parts of a file name on any system. */
export function fileSafe(part: string): string {
  return part.replace(/[^A-Za-z0-9._-]/g, '_');
}
