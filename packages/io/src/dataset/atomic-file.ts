import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/*
 * Crash-safe file replacement: a reader (or a process that died halfway) sees either the old file or
 * the new one, never a torn mix. The data is flushed to disk before the rename makes it visible.
 */

/** Writes `text` to `path` through a temporary file in the same folder, fsync, then rename over `path`. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const fh = await open(temp, 'w');
  try {
    await fh.writeFile(text, 'utf8');
    await fh.sync();
  } catch (err) {
    await fh.close();
    await unlink(temp).catch(() => undefined);
    throw err;
  }
  await fh.close();
  await commitFile(temp, path);
}

/** Flushes a complete file at `temp` to disk and renames it to `path` (replacing it), then syncs the folder. */
export async function commitFile(temp: string, path: string): Promise<void> {
  await syncPath(temp);
  await rename(temp, path);
  // The rename itself lives in the folder's entries: sync them too, where the OS allows opening a folder.
  await syncPath(dirname(path)).catch(() => undefined);
}

async function syncPath(path: string): Promise<void> {
  const fh = await open(path, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
