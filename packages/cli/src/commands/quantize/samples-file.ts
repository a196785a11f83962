import { readFile } from 'node:fs/promises';
import { InputError } from '@sensorkit/dsp';

/** One network input and, for test data, its class (a label name or an index into the model's labels). */
export interface Sample {
  input: Float32Array;
  label?: string | number;
}

/**
 * Reads a samples file: JSON Lines, one `{"input": [numbers...], "label": "yes"}` per line, the input
 * flattened in the network's input order (row-major, channels last). The generic way to give
 * `sensorkit quantize` calibration and test data for any model folder with a TF.js network.
 */
export async function readSamples(file: string, inputSize: number): Promise<Sample[]> {
  const text = await readFile(file, 'utf8');
  const samples: Sample[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `${file}:${i + 1}`;
    let parsed: { input?: unknown; label?: unknown };
    try {
      parsed = JSON.parse(line) as { input?: unknown; label?: unknown };
    } catch (error) {
      throw new InputError('quantize', `${where}: ${(error as Error).message}`);
    }
    const input = parsed.input;
    if (!Array.isArray(input) || input.length !== inputSize || !input.every((v) => typeof v === 'number' && Number.isFinite(v))) {
      throw new InputError('quantize', `${where}: "input" has ${Array.isArray(input) ? `${input.length} values` : 'no array'}; expected ${inputSize} finite numbers (the model's input size)`);
    }
    const label = parsed.label;
    if (label !== undefined && typeof label !== 'string' && typeof label !== 'number') throw new InputError('quantize', `${where}: "label" must be a string or a class index`);
    samples.push({ input: Float32Array.from(input as number[]), ...(label !== undefined ? { label } : {}) });
  });
  if (samples.length === 0) throw new InputError('quantize', `${file}: no samples`);
  return samples;
}

/** At most `count` items, evenly spaced over the list (calibration wants the whole range, not its start). */
export function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)]!);
}
