import { describe, expect, it } from 'vitest';
import { createRandom } from '@sensorkit/dsp';
import { augmentWindow } from './augment.js';
import { ChannelNormalizer } from './channel-normalizer.js';
import { toFixedLength } from './fixed-length.js';

describe('toFixedLength', () => {
  it('resamples a linear ramp exactly, ends on ends, channels kept apart', () => {
    // 11 frames x 2 channels: channel 0 = n, channel 1 = -2n
    const x = Float32Array.from({ length: 22 }, (_, i) => (i % 2 === 0 ? i / 2 : -i + 1));
    const y = toFixedLength(x, 2, 5);
    expect(Array.from(y)).toEqual([0, 0, 2.5, -5, 5, -10, 7.5, -15, 10, -20]);
    const up = toFixedLength(Float32Array.of(1, 3), 1, 3);
    expect(Array.from(up)).toEqual([1, 2, 3]);
  });

  it('applies a time warp: the output samples the input where the warp says', () => {
    const x = Float32Array.from({ length: 101 }, (_, i) => i);
    const y = toFixedLength(x, 1, 11, (u) => u * u);
    expect(Array.from(y)).toEqual(Array.from({ length: 11 }, (_, i) => 100 * (i / 10) ** 2).map((v) => Math.fround(v)));
  });
});

describe('ChannelNormalizer', () => {
  it('z-scores each channel with the statistics of all windows, and survives JSON', () => {
    const windows = [Float32Array.of(1, 10, 3, 30), Float32Array.of(5, 50, 7, 70)];
    const n = ChannelNormalizer.fit(windows, 2);
    expect(Array.from(n.mean)).toEqual([4, 40]);
    expect(n.std[0]).toBeCloseTo(Math.sqrt(5), 12);
    const back = ChannelNormalizer.fromJSON(JSON.parse(JSON.stringify(n.toJSON())) as ReturnType<typeof n.toJSON>);
    const z = back.apply(Float32Array.of(4 + Math.sqrt(5), 40));
    expect(z[0]).toBeCloseTo(1, 6);
    expect(z[1]).toBe(0);
    expect(() => ChannelNormalizer.fromJSON({ mean: [0], std: [0] })).toThrow(/std > 0/);
  });
});

describe('augmentWindow', () => {
  it('rotates accelerometer and gyroscope together: with no gain, noise or warp, vector lengths are kept', () => {
    const random = createRandom(2);
    const x = Float32Array.from({ length: 64 * 6 }, () => random.gaussian());
    const y = augmentWindow(x, 6, 64, createRandom(5), { warp: 0, shift: 0, scale: 0, noise: 0, rotate: 30 });
    expect(y).not.toEqual(x);
    for (let n = 0; n < 64; n++) {
      for (const g of [0, 3]) {
        const before = Math.hypot(x[n * 6 + g]!, x[n * 6 + g + 1]!, x[n * 6 + g + 2]!);
        const after = Math.hypot(y[n * 6 + g]!, y[n * 6 + g + 1]!, y[n * 6 + g + 2]!);
        expect(after).toBeCloseTo(before, 5);
      }
    }
  });

  it('is seeded and changes a window by no more than asked', () => {
    const x = Float32Array.from({ length: 100 * 3 }, (_, i) => Math.sin(i / 30));
    const a = augmentWindow(x, 3, 50, createRandom(9));
    expect(Array.from(a)).toEqual(Array.from(augmentWindow(x, 3, 50, createRandom(9))));
    const plain = toFixedLength(x, 3, 50);
    const gainOnly = augmentWindow(x, 3, 50, createRandom(9), { warp: 0, shift: 0, rotate: 0, noise: 0, scale: 0.1 });
    const ratio = gainOnly[3]! / plain[3]!;
    expect(ratio).toBeGreaterThanOrEqual(0.9);
    expect(ratio).toBeLessThanOrEqual(1.1);
    for (let i = 0; i < plain.length; i++) expect(gainOnly[i]!).toBeCloseTo(plain[i]! * ratio, 5);
  });
});
