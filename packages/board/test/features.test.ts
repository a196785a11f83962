import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFramingPlan, createMfccPlan, createRandom, frameCount, getFeaturePreset, logMel, mfcc } from '@sensorkit/dsp';
import { buildFeatureRunner } from '../src/compile.js';
import { featureSources } from '../src/export-features.js';
import { DSP_HEADERS, DSP_SOURCES, RUNTIME_DIR } from '../src/runtime-files.js';

const run = promisify(execFile);
let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sensorkit-board-features-'));
});
afterAll(async () => rm(root, { recursive: true, force: true }));

/** 2 s at 16 kHz: a voiced-like harmonic series gliding in pitch, bursts of noise, and silence (log floor). */
function testSignal(): Float32Array {
  const random = createRandom(5);
  const x = new Float32Array(32000);
  let phase = 0;
  for (let i = 0; i < x.length; i++) {
    const t = i / 16000;
    phase += (2 * Math.PI * (120 + 80 * t)) / 16000;
    let v = 0;
    for (let h = 1; h <= 12; h++) v += Math.sin(h * phase) / h;
    x[i] = t < 0.2 ? 0 : 0.2 * v * (0.5 + 0.5 * Math.sin(2 * Math.PI * 3 * t)) + (t > 1.2 && t < 1.5 ? 0.3 * random.gaussian() : 0.001 * random.gaussian());
  }
  return x;
}

function snrDb(reference: Float32Array, test: Float32Array): number {
  let signal = 0;
  let noise = 0;
  for (let i = 0; i < reference.length; i++) {
    signal += reference[i]! ** 2;
    noise += (reference[i]! - test[i]!) ** 2;
  }
  return 10 * Math.log10(signal / noise);
}

describe.each(['mlperf-kws', 'mlperf-kws-logmel'])('the C front end of %s', (presetName) => {
  it('computes the TypeScript DSP\'s features from raw samples above a 100 dB SNR floor, under ASan/UBSan', async () => {
    const dir = join(root, presetName);
    const name = 'kws';
    const sources = featureSources(presetName, name);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, sources.header.file), sources.header.text);
    await writeFile(join(dir, sources.source.file), sources.source.text);
    for (const file of [...DSP_SOURCES, ...DSP_HEADERS]) await copyFile(join(RUNTIME_DIR, file), join(dir, file));
    const binary = await buildFeatureRunner(dir, name, sources.scratch);
    const signal = testSignal();
    await writeFile(join(dir, 'in.f32'), new Uint8Array(signal.buffer));
    await run(binary, [join(dir, 'in.f32'), join(dir, 'out.f32')]);
    const bytes = await readFile(join(dir, 'out.f32'));
    const c = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    // The reference: the host's own plan, frame by frame.
    const preset = getFeaturePreset(presetName);
    const plan = createMfccPlan(preset.mfcc);
    const frames = frameCount(createFramingPlan({ length: preset.frameLength, hop: preset.hop }), signal.length);
    const reference = new Float32Array(frames * sources.width);
    for (let f = 0; f < frames; f++) {
      const frame = signal.subarray(f * preset.hop, f * preset.hop + preset.frameLength);
      const out = reference.subarray(f * sources.width, (f + 1) * sources.width);
      if (preset.output === 'mfcc') mfcc(plan, frame, out);
      else logMel(plan.logMel, frame, out);
    }
    expect(frames).toBe(99);
    expect(c.length).toBe(reference.length);
    const snr = snrDb(reference, c);
    expect(snr).toBeGreaterThan(100);
  });
});
