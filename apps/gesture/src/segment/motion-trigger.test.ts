import { describe, expect, it } from 'vitest';
import { lastValueFrom, from, toArray } from 'rxjs';
import { createRandom, type SampleChunk } from '@sensorkit/dsp';
import { GESTURES } from '../generator/motions.js';
import { generateGestureStream, generateIdleStream } from '../generator/gesture-stream.js';
import { MotionTrigger, type Capture } from './motion-trigger.js';
import { createTriggerPlan } from './trigger-plan.js';
import { triggeredWindows } from './triggered-windows.js';

const RATE = 100;
const plan = createTriggerPlan({ sampleRate: RATE, channels: 6 });

function captures(samples: Float32Array, chunkSizes?: () => number): Capture[] {
  const trigger = new MotionTrigger(plan);
  const out: Capture[] = [];
  for (let at = 0; at < samples.length / 6; ) {
    const n = chunkSizes ? chunkSizes() : samples.length / 6;
    trigger.push(samples.subarray(at * 6, Math.min(samples.length, (at + n) * 6)), (c) => out.push(c));
    at += n;
  }
  return out;
}

describe('MotionTrigger', () => {
  const stream = generateGestureStream({ gestures: [...GESTURES, ...GESTURES], seed: 11 });

  it('finds every gesture of a stream with gestures at known times, once, at its start', () => {
    const found = captures(stream.samples);
    expect(found).toHaveLength(stream.truth.length);
    found.forEach((c, i) => {
      const truth = stream.truth[i]!;
      // The trigger fires early in the motion, and the capture holds the 0.25 s before it.
      expect(c.trigger / RATE, truth.label).toBeGreaterThanOrEqual(truth.start);
      expect(c.trigger / RATE, truth.label).toBeLessThan(truth.start + 0.3);
      expect(c.start).toBe(c.trigger - 25);
      expect(c.samples.length).toBe(150 * 6);
      expect(Array.from(c.samples.subarray(0, 6))).toEqual(Array.from(stream.samples.subarray(c.start * 6, c.start * 6 + 6)));
    });
  });

  it('stays quiet on a minute of a resting wrist with slow arm repositioning', () => {
    expect(captures(generateIdleStream(60, { seed: 4 }))).toEqual([]);
  });

  it('gives the same captures whatever the chunking (streaming = batch)', () => {
    const random = createRandom(3);
    const whole = captures(stream.samples);
    const pieces = captures(stream.samples, () => 1 + Math.floor(random.uniform() * 40));
    expect(pieces.map((c) => [c.start, c.trigger])).toEqual(whole.map((c) => [c.start, c.trigger]));
    expect(pieces.map((c) => Array.from(c.samples))).toEqual(whole.map((c) => Array.from(c.samples)));
  });

  it('ignores a one-sample glitch but fires on two samples over the threshold, whatever the board\'s tilt', () => {
    // A board tilted 60 degrees at rest: |aX| + |aY| + |aZ| = 1.37 g, so the Arduino rule's sensitivity changes; ours does not.
    const tilt = [Math.sin(Math.PI / 3), 0, Math.cos(Math.PI / 3)];
    const rest = new Float32Array(300 * 3).map((_, i) => tilt[i % 3]!);
    const glitch = rest.slice();
    glitch[100 * 3] = 3;
    const strict = createTriggerPlan({ sampleRate: RATE, channels: 3 });
    const run = (x: Float32Array): Capture[] => {
      const t = new MotionTrigger(strict);
      const out: Capture[] = [];
      t.push(x, (c) => out.push(c));
      return out;
    };
    expect(run(glitch)).toEqual([]);
    const knock = rest.slice();
    knock[100 * 3] = 3;
    knock[101 * 3] = 3;
    expect(run(knock).map((c) => c.trigger)).toEqual([100]);
  });

  it('keeps the refractory time after a capture, and the operator restarts at a gap', async () => {
    const found = captures(stream.samples);
    for (let i = 1; i < found.length; i++) expect(found[i]!.start).toBeGreaterThanOrEqual(found[i - 1]!.start + 150 + 25);
    // Cut the stream in two with a jump in index: a capture running across the cut is dropped, not spliced.
    const cut = (found[3]!.trigger + 20) * 6;
    const chunks: SampleChunk[] = [
      { samples: stream.samples.subarray(0, cut), sampleRate: RATE, channels: 6, index: 0 },
      { samples: stream.samples.subarray(cut), sampleRate: RATE, channels: 6, index: cut / 6 + 1000 },
    ];
    const windows = await lastValueFrom(from(chunks).pipe(triggeredWindows(plan), toArray()));
    const after = cut / 6 + 1000;
    expect(windows.slice(0, 3).map((w) => w.trigger)).toEqual(found.slice(0, 3).map((c) => c.trigger));
    // The rest of the interrupted gesture may fire anew after the gap, but nothing starts before it.
    expect(windows.slice(3).every((w) => w.start >= after)).toBe(true);
    expect(windows.slice(-(found.length - 4)).map((w) => w.trigger)).toEqual(found.slice(4).map((c) => c.trigger + 1000));
    expect(windows[0]).toMatchObject({ sampleRate: RATE, channels: 6 });
  });

  it('refuses impossible settings by name', () => {
    expect(() => createTriggerPlan({ sampleRate: RATE, channels: 2 })).toThrow(/channels/);
    expect(() => createTriggerPlan({ sampleRate: RATE, channels: 6, threshold: 0 })).toThrow(/threshold/);
    expect(() => createTriggerPlan({ sampleRate: RATE, channels: 6, window: 0.2, preTrigger: 0.25 })).toThrow(/preTrigger/);
    expect(() => createTriggerPlan({ sampleRate: RATE, channels: 6, refractory: -1 })).toThrow(/refractory/);
  });
});
