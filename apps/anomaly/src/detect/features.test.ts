import { describe, expect, it } from 'vitest';
import { createRandom, InputError, ParameterError } from '@sensorkit/dsp';
import { BEARINGS, bearingFrequencies } from '../simulator/bearing.js';
import { createWindowFeaturesPlan, logBandEdges } from './feature-plan.js';
import { FeatureStream, type FeatureRow } from './feature-stream.js';
import { syntheticVibration } from './testing/synthetic.js';

const RATE = 8000;
const bearing = BEARINGS['skf-6205'];

function rowsOf(samples: Float32Array, plan = createWindowFeaturesPlan({ sampleRate: RATE, window: 0.25 }), channels = 1): FeatureRow[] {
  return new FeatureStream(plan).push({ samples, sampleRate: RATE, channels, index: 0 });
}

function column(plan: { names: readonly string[] }, rows: FeatureRow[], name: string): number[] {
  const j = plan.names.indexOf(name);
  expect(j, name).toBeGreaterThanOrEqual(0);
  return rows.map((r) => r.values[j]!);
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('window features', () => {
  it('names every feature: stats, shape, bands with their edges, envelope lines; axis prefixes for several axes', () => {
    const plan = createWindowFeaturesPlan({ sampleRate: RATE, window: 0.25, bands: 8, channels: 2, channelNames: ['x', 'y'], bearing, shaftHz: 30 });
    expect(plan.axisNames.slice(0, 6)).toEqual(['rms', 'kurtosis', 'crest', 'centroid', 'spread', 'flatness']);
    expect(plan.axisNames.filter((n) => n.startsWith('band'))).toHaveLength(9);
    expect(plan.axisNames.slice(-8)).toEqual(['env.bpfo', 'env.bpfi', 'env.bsf', 'env.ftf', 'env.2xbpfo', 'env.2xbpfi', 'env.2xbsf', 'env.2xftf']);
    expect(plan.names).toHaveLength(2 * plan.axisNames.length);
    expect(plan.names[0]).toBe('x.rms');
    expect(plan.names[plan.axisNames.length]).toBe('y.rms');
    expect(plan.length).toBe(2000);
    expect(plan.hop).toBe(1000);
    // The saved plans rebuild the same features.
    const again = createWindowFeaturesPlan(plan.description.options);
    expect(JSON.stringify(again.plans)).toBe(JSON.stringify(plan.plans));
    expect(again.names).toEqual(plan.names);
  });

  it('log band edges start at 0, rise geometrically from minHz and end at maxHz', () => {
    const edges = logBandEdges(10, 1000, 2);
    expect(edges).toEqual([0, 10, 100, 1000]);
  });

  it('a tone shows in the band that holds it, and its RMS is amplitude / sqrt(2)', () => {
    const tone = Float32Array.from({ length: RATE }, (_, i) => 0.5 * Math.sin((2 * Math.PI * 1000 * i) / RATE));
    const plan = createWindowFeaturesPlan({ sampleRate: RATE, window: 0.25 });
    const rows = rowsOf(tone, plan);
    expect(rows).toHaveLength(7);
    const bandNames = plan.names.filter((n) => n.startsWith('band'));
    const row = rows[2]!.values;
    const loudest = bandNames.reduce((a, b) => (row[plan.names.indexOf(b)]! > row[plan.names.indexOf(a)]! ? b : a));
    const [lo, hi] = loudest.slice(4, -2).split('-').map(Number) as [number, number];
    expect(lo).toBeLessThanOrEqual(1000);
    expect(hi).toBeGreaterThan(1000);
    expect(row[plan.names.indexOf('rms')]).toBeCloseTo(0.5 / Math.SQRT2, 4);
    expect(row[plan.names.indexOf('centroid')]).toBeCloseTo(1000, -1);
  });

  it('streaming equals batch: any chunking gives the same rows, times from the sample index', () => {
    const x = syntheticVibration({ sampleRate: RATE, duration: 3, seed: 3, channels: 2, fault: { kind: 'impacts', rate: 107, amplitude: 0.5 } });
    const plan = createWindowFeaturesPlan({ sampleRate: RATE, window: 0.25, hop: 0.1, channels: 2, bearing, shaftHz: 30 });
    const whole = rowsOf(x, plan, 2);
    const stream = new FeatureStream(plan);
    const random = createRandom(9);
    const chunked: FeatureRow[] = [];
    for (let at = 0; at < x.length / 2; ) {
      const n = Math.min(x.length / 2 - at, 1 + Math.floor(random.uniform() * 1500));
      chunked.push(...stream.push({ samples: x.subarray(2 * at, 2 * (at + n)), sampleRate: RATE, channels: 2, index: at }));
      at += n;
    }
    expect(chunked.map((r) => r.time)).toEqual(whole.map((r) => r.time));
    expect(chunked.map((r) => Array.from(r.values))).toEqual(whole.map((r) => Array.from(r.values)));
    expect(whole[3]!.time).toBeCloseTo(0.3, 12);
  });

  it('envelope energy rises most at the line of the fault: outer-race impacts at BPFO, inner-race at BPFI', () => {
    const plan = createWindowFeaturesPlan({ sampleRate: RATE, window: 0.5, bearing, shaftHz: 30 });
    const f = bearingFrequencies(bearing, 30);
    const healthy = rowsOf(syntheticVibration({ sampleRate: RATE, duration: 4, seed: 1, resonanceHz: 2500 }), plan);
    const rise = (rows: FeatureRow[], name: string): number => mean(column(plan, rows, name)) - mean(column(plan, healthy, name));
    for (const [kind, line, other] of [['bpfo', 'env.bpfo', 'env.bpfi'], ['bpfi', 'env.bpfi', 'env.bpfo']] as const) {
      const faulty = rowsOf(syntheticVibration({ sampleRate: RATE, duration: 4, seed: 1, resonanceHz: 2500, fault: { kind: 'impacts', rate: f[kind], amplitude: 0.3 } }), plan);
      expect(rise(faulty, line), kind).toBeGreaterThan(10);
      expect(rise(faulty, line), kind).toBeGreaterThan(rise(faulty, other) + 6);
    }
  });

  it('impacts raise kurtosis and crest factor', () => {
    const plan = createWindowFeaturesPlan({ sampleRate: RATE, window: 0.25 });
    const healthy = rowsOf(syntheticVibration({ sampleRate: RATE, duration: 2, seed: 2 }), plan);
    const faulty = rowsOf(syntheticVibration({ sampleRate: RATE, duration: 2, seed: 2, fault: { kind: 'impacts', rate: 20, amplitude: 1.5 } }), plan);
    expect(mean(column(plan, faulty, 'kurtosis'))).toBeGreaterThan(mean(column(plan, healthy, 'kurtosis')) + 3);
    expect(mean(column(plan, faulty, 'crest'))).toBeGreaterThan(mean(column(plan, healthy, 'crest')) + 1.5);
  });

  it('refuses impossible options by name, and chunks at the wrong rate or with NaN', () => {
    expect(() => createWindowFeaturesPlan({ sampleRate: RATE, bearing })).toThrow(/shaftHz/);
    expect(() => createWindowFeaturesPlan({ sampleRate: RATE, window: 0 })).toThrow(ParameterError);
    expect(() => createWindowFeaturesPlan({ sampleRate: 48000, window: 2 })).toThrow(/window = 2; expected a number in .*65536 samples at 48000 Hz/);
    expect(() => createWindowFeaturesPlan({ sampleRate: RATE, window: 0.02, bearing, shaftHz: 30 })).toThrow(/256 samples/);
    expect(() => createWindowFeaturesPlan({ sampleRate: RATE, channels: 2, channelNames: ['x'] })).toThrow(/channelNames/);
    expect(() => createWindowFeaturesPlan({ sampleRate: RATE, spectral: ['peaks'] })).toThrow(/spectral/);
    const stream = new FeatureStream(createWindowFeaturesPlan({ sampleRate: RATE }));
    expect(() => stream.push({ samples: new Float32Array(10), sampleRate: 16000, channels: 1, index: 0 })).toThrow(/16000 Hz; expected 8000 Hz/);
    const bad = new Float32Array(10);
    bad[4] = Number.NaN;
    expect(() => stream.push({ samples: bad, sampleRate: RATE, channels: 1, index: 0 })).toThrow(InputError);
  });
});
