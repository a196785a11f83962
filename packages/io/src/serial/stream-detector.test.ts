import { describe, expect, it } from 'vitest';
import { createRandom } from '@sensorkit/dsp';
import { emptyBadLineCounts } from './bad-lines.js';
import { RateWindow, roundRate } from './rate-window.js';
import { StreamDetector, type Detection, type StreamDetectorPlan } from './stream-detector.js';

const PLAN: StreamDetectorPlan = {
  sampleRate: undefined,
  axes: undefined,
  minWindowReadings: 10,
  minWindowSeconds: 2,
  rateTolerance: 0.02,
  axisConfirmLines: 4,
  maxValues: 16,
};

function harness(plan: Partial<StreamDetectorPlan> = {}) {
  const counts = emptyBadLineCounts();
  const accepted: { values: number[]; time: number }[] = [];
  const detections: (Detection & { afterReadings: number })[] = [];
  const detector = new StreamDetector({ ...PLAN, ...plan }, counts, {
    accept: (values, count, time) => accepted.push({ values: Array.from(values.subarray(0, count)), time }),
    detected: (d) => detections.push({ ...d, afterReadings: accepted.length }),
  });
  const values = new Float64Array(16);
  const feed = (time: number, row: number[], separator: 'comma' | 'blank' = 'comma'): void => {
    values.set(row);
    detector.reading(values, row.length, separator, time);
  };
  return { detector, counts, accepted, detections, feed };
}

/**
 * Arrival times of readings produced at `rate` Hz for `seconds`, as a host sees them through a USB
 * serial adapter: each reading waits a random 0..8 ms, then for the next 16 ms transfer slot (the FTDI
 * latency timer), so readings come in bursts; every 1.3 s the host stalls for 80 ms and what was
 * produced meanwhile arrives at once. Counting readings between the first and last arrival is off by
 * up to 0.7% on these; the least-squares fit stays within 0.15%.
 */
function burstyArrivals(rate: number, seconds: number, seed: number, start = 0): number[] {
  const random = createRandom(seed);
  const slot = 0.016;
  const times: number[] = [];
  let last = 0;
  for (let k = 0; k < rate * seconds; k++) {
    const produced = start + k / rate;
    let arrival = Math.ceil((produced + random.uniform() * 0.008) / slot) * slot;
    const phase = (produced + 0.37) % 1.3;
    if (phase > 1.22) arrival = Math.max(arrival, produced - phase + 1.3);
    last = Math.max(last, arrival);
    times.push(last);
  }
  return times;
}

describe('RateWindow', () => {
  it('fits the rate through burst jitter to within 1% at 1 Hz .. 2 kHz (and odd IMU rates)', () => {
    for (const [rate, seconds] of [[1, 12], [10, 3], [100, 2.5], [104, 2.5], [119, 2.5], [1000, 2.1], [2000, 2.1], [4000, 2.1]] as const) {
      const window = new RateWindow();
      window.reset(true);
      for (const t of burstyArrivals(rate, seconds, rate)) window.add(t);
      expect(window.isComplete(10, 2), `${rate} Hz`).toBe(true);
      expect(Math.abs(window.rate()! / rate - 1), `${rate} Hz: ${window.rate()}`).toBeLessThan(0.01);
    }
  });

  it('skips the first burst of a connection (a backlog the OS held) and needs two readings', () => {
    const window = new RateWindow();
    window.reset(true);
    for (let i = 0; i < 50; i++) window.add(5); // backlog: 50 readings at once
    expect(window.count).toBe(0);
    for (let i = 1; i <= 100; i++) window.add(5 + i / 100);
    expect(window.rate()).toBeCloseTo(100, 6);
    window.reset(false);
    expect(window.rate()).toBeUndefined();
  });

  it('rounds to whole Hz only when that moves the rate by under 0.5%', () => {
    expect([roundRate(199.93), roundRate(1.004), roundRate(1.6667), roundRate(20.2), roundRate(0.25)]).toEqual([200, 1, 1.667, 20.2, 0.25]);
  });
});

describe('StreamDetector', () => {
  it('detects rate (within 1%) and axes from bursty arrivals at 1 Hz .. 2 kHz', () => {
    for (const rate of [1, 10, 100, 1000, 2000]) {
      const h = harness();
      const seconds = rate === 1 ? 14 : 3;
      burstyArrivals(rate, seconds, 11 * rate).forEach((t, k) => h.feed(t, [k, 2 * k, 3 * k]));
      expect(h.detections.length, `${rate} Hz`).toBe(1);
      const [d] = h.detections;
      expect(Math.abs(d!.sampleRate / rate - 1), `${rate} Hz: ${d!.sampleRate}`).toBeLessThan(0.01);
      expect(d!.axes).toEqual(['ch0', 'ch1', 'ch2']);
      // Every reading is passed on, in order, including the ones held while the axes were confirmed.
      expect(h.accepted.map((a) => a.values[0])).toEqual(Array.from({ length: rate * seconds }, (_, k) => k));
    }
  });

  it('names the axes from a header line that matches the data, and ignores one that does not', () => {
    const h = harness({ sampleRate: 50 });
    h.detector.names(['Booting', 'IMU'], 'blank'); // a boot message, not a header
    h.detector.names(['aX', 'aY', 'aZ'], 'comma');
    for (let k = 0; k < 5; k++) h.feed(k / 50, [k, k, k]);
    expect(h.detections).toMatchObject([{ sampleRate: 50, axes: ['aX', 'aY', 'aZ'], rateChanged: true, axesChanged: true }]);
    h.detector.names(['one', 'two', 'six'], 'blank'); // right count, but blank-separated while the data uses commas
    h.feed(0.1, [1, 2, 3]);
    expect(h.detections).toHaveLength(1);
    expect(h.counts['not-numeric']).toBe(2);
  });

  it('re-detects a rate change once two windows agree, and reports it', () => {
    const h = harness();
    const before = burstyArrivals(100, 6, 1);
    const after = burstyArrivals(50, 10, 2, 6);
    [...before, ...after].forEach((t, k) => h.feed(t, [k, 0]));
    expect(h.detections.map((d) => [d.sampleRate, d.rateChanged, d.axesChanged])).toEqual([
      [100, true, true],
      [50, true, false],
    ]);
    // Re-detected within three windows (6 s) of the change: 600 readings before it, at most 300 after.
    const change = h.detections[1]!.afterReadings;
    expect(change).toBeGreaterThan(600);
    expect(change).toBeLessThanOrEqual(900);
  });

  it('re-detects an axis change that persists, and counts stray lines with another value count', () => {
    const h = harness({ sampleRate: 100 });
    let t = 0;
    const feed = (row: number[]): void => h.feed((t += 0.01), row);
    for (let k = 0; k < 20; k++) feed([k, k, k]);
    feed([1, 2]); // a stray short line
    feed([1, 2, 3, 4, 5, 6, 7]); // and a long one
    for (let k = 0; k < 10; k++) feed([k, k, k]);
    expect(h.detections).toHaveLength(1);
    expect(h.counts['value-count']).toBe(2);
    h.detector.names(['aX', 'aY', 'aZ', 'gX', 'gY', 'gZ'], 'comma'); // the new sketch prints its header
    for (let k = 0; k < 10; k++) feed([k, k, k, k, k, k]);
    expect(h.detections.map((d) => [d.axes.length, d.axesChanged, d.rateChanged])).toEqual([
      [3, true, true],
      [6, true, false],
    ]);
    expect(h.detections[1]!.axes).toEqual(['aX', 'aY', 'aZ', 'gX', 'gY', 'gZ']);
    expect(h.accepted.filter((a) => a.values.length === 6)).toHaveLength(10); // the 4 confirming lines are kept
    expect(h.counts['value-count']).toBe(2);
  });

  it('with axes given, refuses other value counts instead of re-detecting', () => {
    const h = harness({ sampleRate: 10, axes: ['x', 'y'] });
    for (let k = 0; k < 10; k++) h.feed(k / 10, [1, 2, 3]);
    h.feed(1, [1, 2]);
    expect(h.counts['value-count']).toBe(10);
    expect(h.detections).toMatchObject([{ sampleRate: 10, axes: ['x', 'y'] }]);
    expect(h.accepted).toHaveLength(1);
  });

  it('measures the rate even when it is given, without replacing it', () => {
    const h = harness({ sampleRate: 100, axes: 1 });
    burstyArrivals(97, 3, 5).forEach((t) => h.feed(t, [0]));
    expect(h.detector.sampleRate).toBe(100);
    expect(Math.abs(h.detector.measuredRate! / 97 - 1)).toBeLessThan(0.01);
  });
});
