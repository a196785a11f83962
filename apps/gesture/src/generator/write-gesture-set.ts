import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { formatSegmentedCsv, writeFileAtomic } from '@sensorkit/io';
import { IMU_AXES, type GestureSet } from './gesture-set.js';

/** The generator's manifest: what is in each file, and who performed each segment. */
export interface GestureSetManifest {
  format: 'sensorkit-gesture-set';
  version: 1;
  sampleRate: number;
  axes: string[];
  units: string[];
  generator: unknown;
  files: { file: string; label: string; segments: number; persons: number[] }[];
}

export const GESTURE_SET_FORMAT = 'sensorkit-gesture-set';
export const MANIFEST_FILE = 'manifest.json';

/**
 * Writes a generated set in the Arduino capture layout, one `<label>.csv` per label (header
 * aX,aY,aZ,gX,gY,gZ, segments separated by blank lines), and manifest.json with the rate, units, the
 * generator's settings and the person behind each segment (for leave-persons-out evaluation).
 * @example
 * await writeGestureSet('datasets/gestures', generateGestureSet({ seed: 1 }));
 */
export async function writeGestureSet(dir: string, set: GestureSet): Promise<GestureSetManifest> {
  await mkdir(dir, { recursive: true });
  const labels = [...new Set(set.examples.map((e) => e.label))];
  const files: GestureSetManifest['files'] = [];
  for (const label of labels) {
    const examples = set.examples.filter((e) => e.label === label);
    const file = `${label}.csv`;
    // 4 significant digits: finer than the noise of any MEMS IMU, and a third of the file size of float32 exact.
    await writeFileAtomic(join(dir, file), formatSegmentedCsv(IMU_AXES, examples.map((e) => e.samples), 4));
    files.push({ file, label, segments: examples.length, persons: examples.map((e) => e.person) });
  }
  const manifest: GestureSetManifest = {
    format: GESTURE_SET_FORMAT,
    version: 1,
    sampleRate: set.sampleRate,
    axes: [...IMU_AXES],
    units: ['g', 'g', 'g', 'deg/s', 'deg/s', 'deg/s'],
    generator: set.description,
    files,
  };
  await writeFileAtomic(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
