import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { InputError } from '@sensorkit/dsp';

/**
 * SHA-256 (hex) of a data set's files by content alone: each file is hashed, and the sorted per-file
 * digests are hashed again, so the order of the list and the names of the files do not matter, while any
 * changed, added or removed byte does.
 * @example
 * metadata.dataset = { fingerprint: await fingerprintFiles(paths), files: paths.length };
 */
export async function fingerprintFiles(paths: readonly string[]): Promise<string> {
  const digests: string[] = [];
  for (const path of paths) digests.push(await sha256File(path));
  digests.sort();
  return createHash('sha256').update(digests.join('\n')).digest('hex');
}

/** SHA-256 (hex) of one file's bytes, streamed. */
export function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', (error) => reject(new InputError('fingerprintFiles', `${path}: ${error.message}`)))
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/**
 * SHA-256 (hex) of in-memory samples in order: each array's length (uint32 LE) then its float32 bytes,
 * so [a, b] and [a ++ b] differ. Bytes as they lie in memory: little-endian on every machine the kit targets.
 */
export function fingerprintData(arrays: readonly Float32Array[]): string {
  const hash = createHash('sha256');
  const length = new DataView(new ArrayBuffer(4));
  for (const array of arrays) {
    length.setUint32(0, array.length, true);
    hash.update(new Uint8Array(length.buffer));
    hash.update(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  }
  return hash.digest('hex');
}
