import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFramingPlan, createMfccPlan, FEATURE_PRESETS, frameSignal, mfcc } from '@sensorkit/dsp';
import { writeWav } from '@sensorkit/io';
import { cli, parseRows } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'sensorkit-cli-'));
const tone = (rate: number, seconds: number): Float32Array =>
  new Float32Array(rate * seconds).map((_, i) => 0.4 * Math.sin((2 * Math.PI * 440 * i) / rate) + 0.1 * Math.sin((2 * Math.PI * 3000 * i) / rate));

beforeAll(async () => {
  await writeWav(join(dir, 'tone16k.wav'), { sampleRate: 16000, channels: 1, samples: tone(16000, 1), format: 'float32' });
  await writeWav(join(dir, 'tone48k.wav'), { sampleRate: 48000, channels: 1, samples: tone(48000, 1), format: 'pcm16' });
  const stereo = new Float32Array(2 * 8000);
  for (let i = 0; i < 8000; i++) {
    stereo[2 * i] = 0.5;
    stereo[2 * i + 1] = -0.25;
  }
  await writeWav(join(dir, 'stereo.wav'), { sampleRate: 8000, channels: 2, samples: stereo, format: 'float32' });
  writeFileSync(join(dir, 'short.wav'), Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt '));
  writeFileSync(join(dir, 'noise.f32'), Buffer.from(new Float32Array(4000).map((_, i) => Math.sin(i)).buffer));
});

describe('sensorkit CLI', () => {
  it('lists every command and feature block in --help', async () => {
    const top = await cli('--help');
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/features/);
    expect(top.stdout).toMatch(/info/);
    const features = await cli('features', '--help');
    for (const block of ['mfcc', 'logmel', 'spectrogram', 'spectral', 'stats', 'envelope']) expect(features.stdout).toContain(block);
    const mfccHelp = await cli('features', 'mfcc', '--help');
    expect(mfccHelp.stdout).toMatch(/--bands <n>\s+number of mel bands \(default: 40\)/);
    expect(mfccHelp.stdout).toMatch(/--fmin <hz>\s+lower edge of the filterbank in Hz/);
  });

  it('prints the MLPerf Tiny features of a 1 s clip: 49 rows of time + 10 MFCCs, equal to the library', async () => {
    const run = await cli('features', 'mfcc', '--preset', 'mlperf-kws', '--input', join(dir, 'tone16k.wav'));
    expect(run.code).toBe(0);
    const { header, rows } = parseRows(run.stdout);
    expect(header).toEqual(['time', 'c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9']);
    expect(rows).toHaveLength(49);
    expect(rows.map((r) => r[0])).toEqual(Array.from({ length: 49 }, (_, i) => Number((i * 0.02).toFixed(6))));
    const preset = FEATURE_PRESETS['mlperf-kws'];
    const plan = createMfccPlan(preset.mfcc);
    const frames = frameSignal(createFramingPlan({ length: preset.frameLength, hop: preset.hop }), tone(16000, 1));
    const out = new Float32Array(10);
    frames.forEach((frame, i) => {
      mfcc(plan, frame, out);
      // The CLI prints 7 significant digits.
      out.forEach((v, k) => expect(rows[i]![k + 1]).toBeCloseTo(v, Math.max(0, 6 - Math.ceil(Math.log10(Math.abs(v) + 1e-9)))));
    });
  });

  it('resamples other rates to the preset rate and says so', async () => {
    const run = await cli('features', 'mfcc', '--preset', 'mlperf-kws', '-i', join(dir, 'tone48k.wav'), '--format', 'jsonl');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('resampling 48000 Hz -> 16000 Hz');
    const records = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, number>);
    expect(records).toHaveLength(49);
    expect(Object.keys(records[0]!)).toEqual(['time', 'c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9']);
  });

  it('finds the tones with spectral peaks and picks a channel of a stereo file', async () => {
    const peaks = await cli('features', 'spectral', '-i', join(dir, 'tone16k.wav'), '--features', 'peaks', '--peaks', '2', '--frame-length', '2048', '--hop', '2048');
    const { header, rows } = parseRows(peaks.stdout);
    expect(header).toEqual(['time', 'peak1Hz', 'peak1Magnitude', 'peak2Hz', 'peak2Magnitude']);
    expect(Math.abs(rows[0]![1]! - 440)).toBeLessThan(4);
    expect(Math.abs(rows[0]![3]! - 3000)).toBeLessThan(4);

    const right = await cli('features', 'stats', '-i', join(dir, 'stereo.wav'), '--stats', 'mean', '--channel', '1');
    expect(parseRows(right.stdout).rows[0]![1]).toBeCloseTo(-0.25, 6);
    const mean = await cli('features', 'stats', '-i', join(dir, 'stereo.wav'), '--stats', 'mean');
    expect(parseRows(mean.stdout).rows[0]![1]).toBeCloseTo(0.125, 6);
    expect(mean.stderr).toContain('averaging 2 channels to mono');
  });

  it('reads raw float32 with --rate and --channels', async () => {
    const run = await cli('features', 'stats', '-i', join(dir, 'noise.f32'), '--rate', '1000', '--channels', '1', '--frame-length', '1s', '--hop', '1s', '--stats', 'rms');
    expect(run.code).toBe(0);
    expect(parseRows(run.stdout).rows).toHaveLength(4);
  });

  it.each([
    [['features', 'mfcc', '-i', 'x.wav', '--frobnicate'], 2, /unknown option '--frobnicate'/],
    [['features', 'mfcc', '-i', 'x.wav', '--bands', '-3'], 2, /"-3" is not an integer >= 1/],
    [['features', 'mfcc', '--fmax', '100'], 2, /required option '-i, --input <file>' not specified/],
    [['features', 'mfcc', '--frame-length', '25xs', '-i', 'x.wav'], 2, /"25xs" is not a length/],
    [['features', 'wavelets', '-i', 'x.wav'], 2, /unknown command 'wavelets'/],
  ])('rejects %j with exit code %i before reading anything', async (argv, code, message) => {
    const run = await cli(...argv);
    expect(run.code).toBe(code);
    expect(run.stderr).toMatch(message);
  });

  it('names impossible values, missing files and broken files', async () => {
    const nyquist = await cli('features', 'mfcc', '-i', join(dir, 'tone16k.wav'), '--fmax', '9000');
    expect(nyquist.code).toBe(2);
    expect(nyquist.stderr).toMatch(/mel: fMax = 9000; expected a number in \(0, 8000\]/);
    const missing = await cli('features', 'mfcc', '-i', join(dir, 'nope.wav'));
    expect([missing.code, missing.stderr]).toEqual([1, `sensorkit: ${join(dir, 'nope.wav')}: no such file\n`]);
    const truncated = await cli('features', 'mfcc', '-i', join(dir, 'short.wav'));
    expect(truncated.code).toBe(1);
    expect(truncated.stderr).toMatch(/short\.wav: WAV: file ends inside a chunk header/);
    const raw = await cli('features', 'stats', '-i', join(dir, 'noise.f32'));
    expect(raw.code).toBe(2);
    expect(raw.stderr).toMatch(/sampleRate = undefined/);
  });

  it('says when the input is shorter than one frame', async () => {
    const run = await cli('features', 'mfcc', '-i', join(dir, 'tone16k.wav'), '--frame-length', '2s');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('no complete frame');
  });
});
