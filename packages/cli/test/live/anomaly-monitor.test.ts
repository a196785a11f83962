import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMachine, createWindowFeaturesPlan, FeatureStream, fitAnomalyModel, saveAnomalyModel, simulate, type WindowScore } from '@sensorkit/anomaly';
import { capturedOutput, writeWav } from '@sensorkit/io';
import { runCli } from '../../src/main.js';
import { cli } from '../run-cli.js';
import { startPtyBoard } from './pty-board.js';

/*
 * `anomaly monitor` end to end: a model trained on a simulated healthy machine at 2 kHz, then fed the
 * same machine healthy and with a growing imbalance, from a file and as lines over a real socat
 * pseudo-terminal (a board streaming one axis).
 */

const RATE = 2000;
const machine = (fault?: { kind: 'imbalance'; onset: number; failure: number }) =>
  createMachine({ seed: 4, resonances: [{ hz: 600, damping: 0.05 }], ...(fault ? { fault } : {}) });

let dir: string;
let model: string;
/** seconds 40-80 of the healthy machine: not seen in training */
let healthy: Float32Array;
/** the machine with an imbalance from 10 s (severity growing to 1 at 30 s) */
let faulty: Float32Array;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sensorkit-anomaly-monitor-'));
  const run = simulate(machine(), { sampleRate: RATE, duration: 80 }).samples;
  const plan = createWindowFeaturesPlan({ sampleRate: RATE, window: 0.5, hop: 0.25 });
  const rows = new FeatureStream(plan).push({ samples: run.subarray(0, 40 * RATE), sampleRate: RATE, channels: 1, index: 0 }).filter((r) => r.time >= 1);
  model = join(dir, 'pump');
  await saveAnomalyModel(model, await fitAnomalyModel(plan, [rows], { detector: 'gaussian' }, { inputs: [], fingerprint: 'test' }));
  healthy = run.slice(40 * RATE);
  faulty = simulate(machine({ kind: 'imbalance', onset: 10, failure: 30 }), { sampleRate: RATE, duration: 30 }).samples;
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const windowsOf = (stdout: string): WindowScore[] =>
  stdout
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as WindowScore);

describe('sensorkit anomaly monitor', () => {
  it('--input: alarms after the onset of a run-to-failure recording and never before, then summarises', async () => {
    const file = join(dir, 'run.wav');
    await writeWav(file, { samples: faulty, sampleRate: RATE, channels: 1, format: 'float32' });
    const json = await cli('anomaly', 'monitor', '--model', model, '--input', file, '--json');
    expect(json.code).toBe(0);
    const windows = windowsOf(json.stdout);
    expect(windows.length).toBe(119);
    const firstAlarm = windows.find((w) => w.state === 'alarm');
    expect(firstAlarm).toBeDefined();
    // Window start + 0.5 s is when the window could know; it must have seen the fault, and soon.
    expect(firstAlarm!.time + 0.5).toBeGreaterThan(10);
    expect(firstAlarm!.time).toBeLessThan(16);
    expect(windows.filter((w) => w.time + 0.5 <= 10).every((w) => w.state === 'normal')).toBe(true);
    expect(json.stderr).toMatch(/alert: pump: normal -> (warning|alarm) at /);

    const text = await cli('anomaly', 'monitor', '--model', model, '--input', file);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^alert: pump: normal -> /m);
    expect(text.stdout).toMatch(/pump: 119 windows over 30\.0 s: normal \d+\.\d %, warning \d+\.\d %, alarm \d+\.\d %; \d+ alert\(s\); from file:/);
  });

  it('resamples a recording at another whole rate, and refuses one with the wrong axis count', async () => {
    const file = join(dir, 'run-4k.wav');
    const up = new Float32Array(2 * faulty.length).map((_, i) => faulty[i >> 1]!);
    await writeWav(file, { samples: up, sampleRate: 2 * RATE, channels: 1, format: 'float32' });
    const run = await cli('anomaly', 'monitor', '--model', model, '--input', file, '--json');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('resampling 4000 Hz -> 2000 Hz');
    expect(windowsOf(run.stdout).some((w) => w.state === 'alarm')).toBe(true);

    const stereo = join(dir, 'stereo.wav');
    await writeWav(stereo, { samples: new Float32Array(2 * RATE * 2), sampleRate: RATE, channels: 2, format: 'float32' });
    const bad = await cli('anomaly', 'monitor', '--model', model, '--input', stereo);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/2 axis\(es\); the model takes 1/);
  });

  it('--port: a board streaming lines over a pseudo-terminal goes to alarm only after the fault starts', async () => {
    const board = await startPtyBoard();
    const output = capturedOutput();
    const done = runCli(['anomaly', 'monitor', '--model', model, '--port', board.hostPath, '--rate', String(RATE), '--json'], output);
    const stdout = (): string => output.text().stdout;
    const lines = (x: Float32Array, from: number, count: number): string => Array.from(x.subarray(from, from + count), (v) => v.toFixed(5)).join('\n') + '\n';
    let switchedAfter = 0;
    try {
      // Healthy readings until the monitor has scored a window (lines sent before it opened the port are lost) ...
      let at = 0;
      const deadline = Date.now() + 30_000;
      while (windowsOf(stdout()).length === 0) {
        if (Date.now() > deadline) throw new Error(`no window scored within 30 s; stdout: ${stdout()}`);
        await board.write(lines(healthy, at, 200));
        at = (at + 200) % (healthy.length - 200);
        await sleep(5);
      }
      const before = windowsOf(stdout());
      switchedAfter = before[before.length - 1]!.time;
      // ... then the faulty machine from 12 s into its run (the imbalance has started), 8 s of it.
      for (let i = 12 * RATE; i < 20 * RATE; i += 200) await board.write(lines(faulty, i, 200));
      const waitUntil = Date.now() + 30_000;
      while (!windowsOf(stdout()).some((w) => w.state === 'alarm') && Date.now() < waitUntil) await sleep(50);
    } finally {
      process.emit('SIGINT');
      expect(await done).toBe(0);
      await board.stop();
    }
    const windows = windowsOf(stdout());
    const firstAlarm = windows.find((w) => w.state === 'alarm');
    expect(firstAlarm, 'the monitor never went to alarm').toBeDefined();
    // Healthy readings still in the pty's and the source's buffers keep the alarm back by a second or two at most.
    expect(windows.filter((w) => w.time <= switchedAfter).every((w) => w.state === 'normal')).toBe(true);
    expect(firstAlarm!.time + 0.5).toBeGreaterThan(switchedAfter);
    expect(firstAlarm!.time - switchedAfter).toBeLessThan(6);
  }, 90_000);
});
