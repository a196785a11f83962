import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createRandom } from '@sensorkit/dsp';
import { loadInt8Model, loadInt8Report, loadModelFolder, loadTestVectors, makeTestVectors, quantizeModel, type Int8Model, type Int8Report, type TestVectors } from '@sensorkit/ml';

/** The kit's shipped models (models/<name>), for the board tests and the relay bench. */
export const MODELS_DIR = join(import.meta.dirname, '..', 'models');

function gaussian(count: number, size: number, seed: number): Float32Array[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => Float32Array.from({ length: size }, () => random.gaussian()));
}

/**
 * A shipped model's int8 form and test vectors: its own (sensorkit quantize --save-test-vectors) where the
 * folder has them; otherwise its network quantized here on seeded unit-variance inputs (what its input
 * normaliser produces), with `count` seeded test vectors. Initialise the TF.js backend first.
 */
export async function shippedInt8(name: string, count = 60): Promise<{ model: Int8Model; vectors: TestVectors; own: boolean; report?: Int8Report }> {
  const dir = join(MODELS_DIR, name);
  if (existsSync(join(dir, 'int8', 'model.json')) && existsSync(join(dir, 'int8', 'test-inputs.bin'))) {
    const model = await loadInt8Model(dir);
    const report = await loadInt8Report(dir);
    return { model, vectors: await loadTestVectors(dir, model), own: true, ...(report ? { report } : {}) };
  }
  const { model: network } = await loadModelFolder(dir);
  if (!network) throw new Error(`${dir}: no model.json`);
  const size = network.inputs[0]!.shape.slice(1).reduce((a: number, b) => a * (b ?? 1), 1);
  const model = quantizeModel(network, gaussian(200, size, 1));
  return { model, vectors: makeTestVectors(model, gaussian(count, size, 2)), own: false };
}
