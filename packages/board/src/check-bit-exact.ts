import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TestVectors } from '@sensorkit/ml';
import { buildHostRunner } from './compile.js';

const run = promisify(execFile);

/** How the C build of a model did on test vectors. */
export interface BitExactResult {
  count: number;
  /** vectors whose output differs in any byte */
  mismatches: number;
  /** index of the first differing vector, -1 when none */
  first: number;
}

/**
 * Builds an exported folder's host harness under AddressSanitizer and UBSan, runs every test input
 * through it, and compares the outputs byte for byte with the TypeScript interpreter's (the vectors).
 * @example
 * const r = await checkBitExact('build/kws-c', 'kws', arenaBytes, await loadTestVectors('models/kws', int8));
 * r.mismatches; // 0
 */
export async function checkBitExact(dir: string, name: string, arenaBytes: number, vectors: TestVectors): Promise<BitExactResult> {
  const binary = await buildHostRunner(dir, name, arenaBytes);
  const inputs = join(dir, 'test-inputs.bin');
  const outputs = join(dir, 'test-outputs.c.bin');
  await writeFile(inputs, new Uint8Array(vectors.inputs.buffer, vectors.inputs.byteOffset, vectors.inputs.byteLength));
  await run(binary, [inputs, outputs]);
  const got = await readFile(outputs);
  let mismatches = 0;
  let first = -1;
  for (let i = 0; i < vectors.count; i++) {
    const at = i * vectors.outputSize;
    let same = got.length >= at + vectors.outputSize;
    for (let j = 0; same && j < vectors.outputSize; j++) same = (got[at + j]! << 24 >> 24) === vectors.outputs[at + j];
    if (!same) {
      mismatches++;
      if (first < 0) first = i;
    }
  }
  return { count: vectors.count, mismatches, first };
}
