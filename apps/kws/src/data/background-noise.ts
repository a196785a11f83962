import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { readMono16k } from './read-mono.js';
import type { NoiseRecording } from './noise-sources.js';

/** The Speech Commands background-noise recordings shipped with the kit (CC BY 4.0, see its README). */
export const NOISE_DIR = fileURLToPath(new URL('../../../../datasets/speech-commands-noise/', import.meta.url));

/** Recordings mixed into train and validation clips. */
export const TRAINING_NOISE_FILES: readonly string[] = ['doing_the_dishes.wav'];

/**
 * The recording no training clip contains: test clips are mixed with it, and false accepts per hour
 * are measured on it ("real background noise not used in training").
 */
export const HELD_OUT_NOISE_FILE = 'exercise_bike.wav';

/** Full path of the held-out noise recording in `dir` (default the shipped folder). */
export function heldOutNoisePath(dir: string = NOISE_DIR): string {
  return join(dir, HELD_OUT_NOISE_FILE);
}

/**
 * Reads noise recordings as mono 16 kHz (downmixed and resampled where a file differs).
 * @example
 * const [dishes] = await readNoiseRecordings(NOISE_DIR, TRAINING_NOISE_FILES);
 */
export async function readNoiseRecordings(dir: string, files: readonly string[]): Promise<NoiseRecording[]> {
  const out: NoiseRecording[] = [];
  for (const name of files) out.push({ name, samples: await readMono16k(join(dir, name)) });
  return out;
}
