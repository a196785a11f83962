import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGestureData } from './load-gesture-data.js';
import { readImuFile } from './read-imu-file.js';

let dir: string;
const at = (name: string): string => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gesture-data-'));
  // Accelerometer only, in m/s^2, lower-case names, gestures separated by blank lines (Arduino layout).
  await writeFile(at('tap.csv'), 'ax,ay,az\n0,0,9.80665\n0,4.903325,9.80665\n\n19.6133,0,0\n0,0,-9.80665\n');
  await writeFile(at('knock.csv'), 'ax,ay,az\n0,0,9.80665\n0,0,9.80665\n');
  // A continuous log: time in ms, gyro in rad/s, a label column; runs of one label are segments.
  await writeFile(
    at('log.csv'),
    'millis,accX,accY,accZ,gyroX,gyroY,gyroZ,label\n' +
      [0, 10, 20, 30, 40, 50].map((t, i) => `${t},0,0,1,${i === 2 ? Math.PI : 0},0,0,${i < 2 ? 'idle' : i < 4 ? 'wave' : 'idle'}`).join('\n'),
  );
  await writeFile(at('fast.csv'), 'millis,aX,aY,aZ\n0,0,0,1\n5,0,0,1\n10,0,0,1\n');
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('loadGestureData', () => {
  it('reads Arduino captures: label from the file name, a segment per gesture, units converted to g', async () => {
    const data = await loadGestureData([at('tap.csv'), at('knock.csv')], { rate: 119, accelUnit: 'm/s2' });
    expect(data).toMatchObject({ sampleRate: 119, channels: 3, labels: ['knock', 'tap'] });
    expect(data.segments.map((s) => [s.label, s.line, s.samples.length])).toEqual([
      ['tap', 2, 6],
      ['tap', 5, 6],
      ['knock', 2, 6],
    ]);
    expect(Array.from(data.segments[0]!.samples)).toEqual([0, 0, 1, 0, 0.5, 1]);
    expect(Array.from(data.segments[1]!.samples)).toEqual([2, 0, 0, 0, 0, -1]);
  });

  it('reads a labelled log: rate from its timestamps, runs of a label as segments, rad/s to deg/s', async () => {
    const data = await loadGestureData([at('log.csv')], { gyroUnit: 'rad/s' });
    expect(data).toMatchObject({ sampleRate: 100, channels: 6, labels: ['idle', 'wave'] });
    expect(data.segments.map((s) => [s.label, s.samples.length / 6])).toEqual([
      ['idle', 2],
      ['wave', 2],
      ['idle', 2],
    ]);
    expect(data.segments[1]!.samples[3]).toBeCloseTo(180, 4);
  });

  it('refuses data it cannot put together, naming the files', async () => {
    await expect(loadGestureData([at('tap.csv')])).rejects.toThrow(/sampleRate.*tap\.csv has no timestamp column/);
    await expect(loadGestureData([at('log.csv'), at('fast.csv')])).rejects.toThrow(/fast\.csv is at 200 Hz and .*log\.csv at 100 Hz/);
    await expect(loadGestureData([at('log.csv'), at('tap.csv')], { rate: 100 })).rejects.toThrow(/tap\.csv has 3 IMU axes and .*log\.csv 6/);
    await expect(loadGestureData([at('missing.csv')])).rejects.toThrow(/missing\.csv: no such file or folder/);
    await expect(loadGestureData([])).rejects.toThrow(/at least one file or folder/);
  });

  it('readImuFile gives chunks per segment with a gap in index between them', async () => {
    const { chunks, channels } = await readImuFile(at('tap.csv'), { rate: 119, accelUnit: 'm/s2' });
    expect(channels).toBe(3);
    expect(chunks.map((c) => c.index)).toEqual([0, 4]);
  });
});
