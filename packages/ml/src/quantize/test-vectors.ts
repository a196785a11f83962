import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '@sensorkit/dsp';
import { writeAtomic } from '../model-folder/file-handler.js';
import { sizeOf } from './float-graph.js';
import { INT8_DIR } from './int8-model-file.js';
import type { Int8Model } from './int8-model.js';
import { quantizeInput, runInt8 } from './interpreter.js';

export const TEST_INPUTS_BIN = 'test-inputs.bin';
export const TEST_OUTPUTS_BIN = 'test-outputs.bin';

/** Quantized test inputs and the int8 interpreter's outputs for them, back to back. */
export interface TestVectors {
  inputs: Int8Array;
  outputs: Int8Array;
  inputSize: number;
  outputSize: number;
  count: number;
}

/** Quantizes real inputs and runs them through the interpreter: what any other int8 runtime must reproduce. */
export function makeTestVectors(model: Int8Model, inputs: readonly ArrayLike<number>[]): TestVectors {
  const inputSize = sizeOf(model.tensors[0]!.shape);
  const outputSize = sizeOf(model.tensors.at(-1)!.shape);
  const vectors: TestVectors = { inputs: new Int8Array(inputs.length * inputSize), outputs: new Int8Array(inputs.length * outputSize), inputSize, outputSize, count: inputs.length };
  inputs.forEach((x, i) => {
    const q = quantizeInput(model, x);
    vectors.inputs.set(q, i * inputSize);
    vectors.outputs.set(runInt8(model, q), i * outputSize);
  });
  return vectors;
}

/** Writes `<dir>/int8/test-inputs.bin` and `test-outputs.bin` (raw int8, one vector after another). */
export async function saveTestVectors(dir: string, vectors: TestVectors): Promise<void> {
  const bytes = (a: Int8Array): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  await writeAtomic(join(dir, INT8_DIR, TEST_INPUTS_BIN), bytes(vectors.inputs));
  await writeAtomic(join(dir, INT8_DIR, TEST_OUTPUTS_BIN), bytes(vectors.outputs));
}

/** Reads the test vectors saved next to an int8 model, checked against its input and output sizes. */
export async function loadTestVectors(dir: string, model: Int8Model): Promise<TestVectors> {
  const read = async (name: string): Promise<Int8Array> => {
    const path = join(dir, INT8_DIR, name);
    try {
      const buffer = await readFile(path);
      return new Int8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw new InputError('loadTestVectors', code === 'ENOENT' ? `${path} not found; run sensorkit quantize with test data and --save-test-vectors` : `${path}: ${(error as Error).message}`);
    }
  };
  const inputs = await read(TEST_INPUTS_BIN);
  const outputs = await read(TEST_OUTPUTS_BIN);
  const inputSize = sizeOf(model.tensors[0]!.shape);
  const outputSize = sizeOf(model.tensors.at(-1)!.shape);
  const count = inputs.length / inputSize;
  if (!Number.isInteger(count) || outputs.length !== count * outputSize) {
    throw new InputError('loadTestVectors', `${join(dir, INT8_DIR)}: ${inputs.length} input bytes and ${outputs.length} output bytes do not make whole vectors of ${inputSize} in and ${outputSize} out`);
  }
  return { inputs, outputs, inputSize, outputSize, count };
}
