import { describe, expect, it } from 'vitest';
import { createRandom } from '@sensorkit/dsp';
import { CLIP_SAMPLES, DEFAULT_AUGMENTATION, renderSilenceClip, renderWordClip } from './augmentation.js';
import { coloredNoise } from './noise-sources.js';
import { convolve, roomImpulseResponse } from './room-reverb.js';
import { changeSpeed, quantizeSpeed } from './speed.js';
import { meanSquare, speechSpan } from './speech-span.js';

const tone = (n: number, hz = 440, rate = 16000): Float32Array => Float32Array.from({ length: n }, (_, i) => 0.5 * Math.sin((2 * Math.PI * hz * i) / rate));

describe('augmentation blocks', () => {
  it('convolves like the direct sum', () => {
    const random = createRandom(3);
    const x = Float32Array.from({ length: 300 }, () => random.gaussian());
    const h = Float32Array.from({ length: 77 }, () => random.gaussian());
    const y = convolve(x, h);
    expect(y.length).toBe(376);
    for (const n of [0, 1, 76, 150, 299, 375]) {
      let direct = 0;
      for (let k = 0; k < h.length; k++) if (n - k >= 0 && n - k < x.length) direct += h[k]! * x[n - k]!;
      expect(y[n]).toBeCloseTo(direct, 4);
    }
  });

  it('builds a room response with the asked decay and direct-to-reverberant ratio', () => {
    const h = roomImpulseResponse(createRandom(1), { rt60: 0.5, drrDb: 6, predelay: 0.005 });
    expect(h[0]).toBe(1);
    expect(h.length).toBe(1 + 80 + 8000);
    let tail = 0;
    for (let i = 1; i < h.length; i++) tail += h[i]! * h[i]!;
    expect(10 * Math.log10(1 / tail)).toBeCloseTo(6, 6);
    // 60 dB down at rt60: the last 50 ms are ~55-60 dB below the first 50 ms of the tail.
    const early = meanSquare(h, 81, 881);
    const late = meanSquare(h, h.length - 800, h.length);
    expect(10 * Math.log10(early / late)).toBeGreaterThan(50);
  });

  it('changes speed by resampling: length and pitch scale together', () => {
    const x = tone(16000, 400);
    const y = changeSpeed(x, 1.25);
    expect(y.length).toBe(12800);
    // 400 Hz played 1.25x faster is 500 Hz: count zero crossings over the middle.
    let crossings = 0;
    for (let i = 1000; i < 11000; i++) if (y[i - 1]! < 0 && y[i]! >= 0) crossings++;
    expect(crossings / (10000 / 16000)).toBeCloseTo(500, -1);
    expect(quantizeSpeed(1.034)).toBe(1.03);
    expect(changeSpeed(x, 1.001)).toBe(x);
  });

  it('finds the speech inside a padded utterance', () => {
    const x = new Float32Array(16000);
    x.set(tone(4160), 4800); // on the 10 ms frame grid: samples 4800..8959
    expect(speechSpan(x)).toEqual({ start: 4800, end: 8960 });
    x.fill(0).set(tone(4000), 5000); // off the grid: the frames that hold it
    expect(speechSpan(x)).toEqual({ start: 4960, end: 9120 });
    expect(speechSpan(new Float32Array(100))).toEqual({ start: 0, end: 0 });
  });

  it('colours noise: pink and brown put more power at low frequencies than white', () => {
    const lowShare = (x: Float32Array): number => {
      // power below ~200 Hz via a moving average of 40 samples, relative to the total
      const smooth = new Float32Array(x.length);
      let acc = 0;
      for (let i = 0; i < x.length; i++) {
        acc += x[i]! - (i >= 40 ? x[i - 40]! : 0);
        smooth[i] = acc / 40;
      }
      return meanSquare(smooth) / meanSquare(x);
    };
    const [white, pink, brown] = (['white', 'pink', 'brown'] as const).map((c) => lowShare(coloredNoise(c, 32000, 5)));
    expect(white).toBeLessThan(0.05);
    expect(pink).toBeGreaterThan(3 * white!);
    expect(brown).toBeGreaterThan(0.8);
  });

  it('renders a clip at the drawn level and SNR, the same for the same seed', () => {
    const utterance = new Float32Array(20000);
    utterance.set(tone(6000), 7000);
    const noise = [{ name: 'n.wav', samples: coloredNoise('white', 50000, 9) }];
    const a = renderWordClip(utterance, createRandom(11), DEFAULT_AUGMENTATION, noise);
    const b = renderWordClip(utterance, createRandom(11), DEFAULT_AUGMENTATION, noise);
    expect(a.mix).toEqual(b.mix);
    expect(a.mix.length).toBe(CLIP_SAMPLES);
    let peak = 0;
    for (const v of a.mix) peak = Math.max(peak, Math.abs(v));
    expect(20 * Math.log10(peak)).toBeCloseTo(a.augmentation.peakDbfs, 3);
    const start = Math.round(a.augmentation.offsetSeconds! * 16000);
    const end = start + Math.round(a.augmentation.speechSeconds! * 16000);
    expect(10 * Math.log10(meanSquare(a.speech, start, end) / meanSquare(a.noise, start, end))).toBeCloseTo(a.augmentation.snrDb!, 3);
    const silence = renderSilenceClip(createRandom(2), DEFAULT_AUGMENTATION, noise);
    expect(meanSquare(silence.speech)).toBe(0);
    expect(meanSquare(silence.mix)).toBeGreaterThan(0);
  });

  it('speeds up a word too long for the clip so it fits', () => {
    const utterance = tone(20000);
    const clip = renderWordClip(utterance, createRandom(4), { ...DEFAULT_AUGMENTATION, speed: [1, 1] }, []);
    expect(clip.augmentation.speed).toBeGreaterThan(1.3);
    expect(clip.augmentation.speechSeconds!).toBeLessThanOrEqual(0.95);
  });
});
