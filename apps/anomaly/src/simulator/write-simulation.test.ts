import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ParameterError } from '@sensorkit/dsp';
import { readCsv, readRaw, readWav } from '@sensorkit/io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMachine } from './machine-plan.js';
import { simulate } from './simulate.js';
import { readTruth, writeRecordings, writeSimulation } from './write-simulation.js';

let dir: string;
beforeAll(async () => void (dir = await mkdtemp(join(tmpdir(), 'sensorkit-sim-'))));
afterAll(async () => rm(dir, { recursive: true, force: true }));

const RATE = 12800;
const plan = createMachine({ name: 'fan', seed: 4, fault: { kind: 'outer-race', onset: 0.1, failure: 0.4 } });
const result = simulate(plan, { sampleRate: RATE, duration: 0.5 });

describe('writeSimulation', () => {
  it('writes float WAV, raw float32 and CSV that read back to the same samples, each with its truth', async () => {
    const wav = await writeSimulation(join(dir, 'one', 'fan.wav'), result);
    expect(wav).toMatchObject([{ machine: 'fan', format: 'wav', frames: 6400, truthFile: join(dir, 'one', 'fan.wav.json') }]);
    const back = await readWav(wav[0]!.file);
    expect(back).toMatchObject({ sampleRate: RATE, channels: 1, format: 'float32' });
    expect(back.samples).toEqual(result.samples);

    const [raw] = await writeSimulation(join(dir, 'fan.f32'), result);
    expect((await readRaw(raw!.file, { sampleRate: RATE, channels: 1 })).samples).toEqual(result.samples);

    const [csv] = await writeSimulation(join(dir, 'fan.csv'), result);
    const table = await readCsv(csv!.file);
    expect(table.sampleRate).toBe(RATE); // from the time column
    expect(table.segments[0]!.samples).toEqual(result.samples);

    const truth = await readTruth(csv!.file);
    expect(truth).toEqual(JSON.parse(JSON.stringify({ ...result.truth, model: result.model })));
    expect(truth).toMatchObject({ machine: 'fan', seed: 4, sampleRate: RATE, units: 'g', duration: 0.5, fault: 'outer-race', onset: 0.1, failure: 0.4 });
  });

  it('writes one file per machine into a directory, and refuses one file name for several machines', async () => {
    const results = ['a', 'b'].map((name, i) => simulate(createMachine({ name, seed: i }), { sampleRate: RATE, duration: 0.1 }));
    const written = await writeSimulation(join(dir, 'fleet'), results, { format: 'csv' });
    expect(written.map((w) => w.file)).toEqual([join(dir, 'fleet', 'a.csv'), join(dir, 'fleet', 'b.csv')]);
    expect((await readdir(join(dir, 'fleet'))).sort()).toEqual(['a.csv', 'a.csv.json', 'b.csv', 'b.csv.json']);
    await expect(writeSimulation(join(dir, 'two.wav'), results)).rejects.toThrow(ParameterError);
    await expect(writeSimulation(join(dir, 'x.wav'), result, { format: 'csv' })).rejects.toThrow(/format = "csv"; expected "wav" for/);
  });

  it('streams long runs to disk with the same samples and truth as simulate()', async () => {
    const [streamed] = await writeRecordings(join(dir, 'streamed') + '/', [plan], { sampleRate: RATE, duration: 0.5, chunkFrames: 1000 });
    expect(streamed!.file).toBe(join(dir, 'streamed', 'fan.wav'));
    expect((await readWav(streamed!.file)).samples).toEqual(result.samples);
    expect(await readTruth(streamed!.file)).toEqual(await readTruth(join(dir, 'fan.csv')));
  });
});
