import { describe, expect, it } from 'vitest';
import { splitAtPauses } from './split-pauses.js';

const burst = (ms: number, rate: number): Float32Array => Float32Array.from({ length: Math.round((ms / 1000) * rate) }, (_, i) => 0.3 * Math.sin(i * 0.3));
const silence = (ms: number, rate: number): Float32Array => new Float32Array(Math.round((ms / 1000) * rate));
const join = (...parts: Float32Array[]): Float32Array => {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) out.set(p, (at += p.length) - p.length);
  return out;
};

describe('splitAtPauses', () => {
  it('cuts at the long pauses only, keeping short gaps inside a word', () => {
    const rate = 22050;
    // "stop" has a closure gap of ~50 ms; the pauses between words are 500 ms.
    const x = join(silence(100, rate), burst(200, rate), silence(50, rate), burst(100, rate), silence(500, rate), burst(300, rate), silence(500, rate), burst(250, rate), silence(80, rate));
    const pieces = splitAtPauses(x, 3, rate)!;
    expect(pieces.length).toBe(3);
    expect(pieces.reduce((n, p) => n + p.length, 0)).toBe(x.length);
    const energy = (p: Float32Array): number => p.reduce((s, v) => s + v * v, 0);
    expect(energy(pieces[0]!) / energy(pieces[1]!)).toBeCloseTo(300 / 300, 1);
    expect(energy(pieces[2]!) / energy(pieces[1]!)).toBeCloseTo(250 / 300, 1);
  });

  it('gives up when the pauses do not match the count', () => {
    const rate = 16000;
    const x = join(burst(200, rate), silence(500, rate), burst(200, rate));
    expect(splitAtPauses(x, 3, rate)).toBeUndefined();
    expect(splitAtPauses(x, 1, rate)).toBeUndefined();
    expect(splitAtPauses(silence(1000, rate), 1, rate)).toBeUndefined();
    expect(splitAtPauses(burst(300, rate), 1, rate)).toEqual([burst(300, rate)]);
  });
});
