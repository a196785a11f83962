import type { FileHandle } from 'node:fs/promises';

/* Reads and writes at explicit offsets, looping over the short transfers the OS may return. */

/**
 * Reads up to `length` bytes at `position` into `buffer`, looping over short reads; fewer bytes only
 * at end of file. Returns the byte count read.
 */
export async function readAt(fh: FileHandle, buffer: Uint8Array, length: number, position: number): Promise<number> {
  let got = 0;
  while (got < length) {
    const { bytesRead } = await fh.read(buffer, got, length - got, position + got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  return got;
}

/** Writes all of `bytes` at `position`, looping over short writes. */
export async function writeFully(fh: FileHandle, bytes: Uint8Array, position: number): Promise<void> {
  let done = 0;
  while (done < bytes.length) {
    const { bytesWritten } = await fh.write(bytes, done, bytes.length - done, position + done);
    done += bytesWritten;
  }
}
