import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSignalPlan, generateSignal, parseSignalSpec, readWav } from '@sensorkit/io';
import { cli } from '../run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'sensorkit-stream-'));

describe('sensorkit stream', () => {
  it('prints exactly --duration of a generator as JSON lines, values equal to the generator', async () => {
    const run = await cli('stream', '--generate', 'sine:5*0.5+white:0.1', '--rate', '100', '--duration', '1', '--format', 'jsonl', '--no-realtime');
    expect(run.code).toBe(0);
    const rows = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { time: number; ch0: number });
    expect(rows).toHaveLength(100);
    expect(rows[99]!.time).toBeCloseTo(0.99, 9);
    const expected = generateSignal(createSignalPlan(parseSignalSpec('sine:5*0.5+white:0.1'), { sampleRate: 100 }), 0, 100);
    rows.forEach((r, i) => expect(r.ch0).toBeCloseTo(expected[i]!, 6));
    expect(run.stderr).toContain('100 readings from generator:sine:5*0.5+white:0.1');
  });

  it('writes a WAV file that reads back sample for sample, and a CSV file', async () => {
    const wav = join(dir, 'two.wav');
    const run = await cli('stream', '--generate', 'sine:440,chirp:100-2000/0.5', '--rate', '8000', '--duration', '0.5', '--out', wav, '--no-realtime');
    expect(run.code).toBe(0);
    const back = await readWav(wav);
    expect([back.sampleRate, back.channels, back.samples.length]).toEqual([8000, 2, 8000]);
    expect(back.samples).toEqual(generateSignal(createSignalPlan(parseSignalSpec('sine:440,chirp:100-2000/0.5'), { sampleRate: 8000 }), 0, 4000));
    const csv = join(dir, 'two.csv');
    await cli('stream', '--generate', 'sine:440,sine:880', '--rate', '8000', '--duration', '0.01', '--out', csv, '--no-realtime');
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('time,ch0,ch1');
    expect(lines).toHaveLength(81);
  });

  it('refuses an output it cannot write, before opening the source', async () => {
    const run = await cli('stream', '--generate', 'sine:440', '--out', join(dir, 'x.mp3'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/stream: out = ".*x\.mp3"; expected a file ending in \.csv, \.jsonl or \.wav/);
  });
});
