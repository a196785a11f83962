import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSignalPlan, generateSignal, loadDataset, parseSignalSpec } from '@sensorkit/io';
import { cli } from '../run-cli.js';
import { formatProgressBar } from '../../src/commands/record/progress.js';
import { choosePromptMode, countdownPrompt, enterPrompt, isCi } from '../../src/commands/record/prompt.js';
import { ProgressReporter } from '../../src/commands/record/progress.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sensorkit-record-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const SPEC = 'sine:440*0.5+white:0.05';

/** What the generator produces for frames start .. start + frames - 1. */
function generated(spec: string, sampleRate: number, start: number, frames: number): Float32Array {
  return generateSignal(createSignalPlan(parseSignalSpec(spec), { sampleRate }), start, frames);
}

describe('sensorkit record', () => {
  it('records labelled samples equal to the generator into a dataset loadDataset reads back', async () => {
    const out = join(dir, 'kws');
    const run = await cli('record', '--generate', SPEC, '--rate', '8000', '--label', 'tone', '--out', out, '--length', '0.25', '--count', '3', '--yes');
    expect(run.stderr).not.toContain('\r');
    expect(run.code).toBe(0);
    expect(run.stderr.split('\n')).toEqual([
      `recording 3 x 0.25 s of 'tone' from generator:${SPEC} into ${out}`,
      'tone 1/3: saved tone/tone.1.wav (0.25 s, 2000 readings)',
      'tone 2/3: saved tone/tone.2.wav (0.25 s, 2000 readings)',
      'tone 3/3: saved tone/tone.3.wav (0.25 s, 2000 readings)',
      '',
    ]);
    expect(run.stdout).toBe(`recorded 3 samples of 'tone' (0.75 s) from generator:${SPEC} into ${out}\ndataset 'kws': 3 samples: tone 3\n`);

    const data = await loadDataset(out);
    expect(data.labels).toEqual(['tone']);
    expect(data.entries.map((e) => [e.file, e.sampleRate, e.channels, e.frames, e.units, e.source, e.startIndex])).toEqual([
      ['tone/tone.1.wav', 8000, 1, 2000, ['normalized'], `generator:${SPEC}`, 0],
      ['tone/tone.2.wav', 8000, 1, 2000, ['normalized'], `generator:${SPEC}`, 2000],
      ['tone/tone.3.wav', 8000, 1, 2000, ['normalized'], `generator:${SPEC}`, 4000],
    ]);
    for (const entry of data.entries) expect(await data.readSample(entry)).toEqual(generated(SPEC, 8000, entry.startIndex!, 2000));
  });

  it('appends to an existing dataset, continuing the numbering, and counts every label', async () => {
    const common = ['--rate', '4000', '--out', dir, '--length', '0.1', '--yes'];
    expect((await cli('record', '--generate', 'sine:100', '--label', 'low', '--count', '2', ...common)).code).toBe(0);
    expect((await cli('record', '--generate', 'sine:1000', '--label', 'high', ...common)).code).toBe(0);
    const third = await cli('record', '--generate', 'sine:100', '--label', 'low', '--count', '2', ...common);
    expect(third.code).toBe(0);
    expect(third.stdout).toContain(`: 5 samples: low 4, high 1\n`);
    const data = await loadDataset(dir);
    expect(data.entries.map((e) => e.file)).toEqual(['low/low.1.wav', 'low/low.2.wav', 'high/high.1.wav', 'low/low.3.wav', 'low/low.4.wav']);
    expect(await data.readSample(data.entries[2]!)).toEqual(generated('sine:1000', 4000, 0, 400));
  });

  it('records sensor axes from a replayed CSV capture as CSV samples with their column names and units', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => `${(i * 0.01).toFixed(2)},${(-i * 0.02).toFixed(2)},${i % 7}`);
    const capture = join(dir, 'imu.csv');
    await writeFile(capture, `aX,aY,aZ\n${rows.join('\n')}\n`);
    const out = join(dir, 'gestures');
    const run = await cli('record', '--input', capture, '--rate', '100', '--label', 'wave', '--out', out, '--length', '1', '--count', '2', '--units', 'g', '--yes');
    expect(run.code).toBe(0);
    const data = await loadDataset(out);
    expect(data.entries.map((e) => [e.file, e.axes, e.units, e.sampleRate, e.source])).toEqual([
      ['wave/wave.1.csv', ['aX', 'aY', 'aZ'], ['g', 'g', 'g'], 100, `file:${capture}`],
      ['wave/wave.2.csv', ['aX', 'aY', 'aZ'], ['g', 'g', 'g'], 100, `file:${capture}`],
    ]);
    const second = await data.readSample(data.entries[1]!);
    expect(Array.from(second.subarray(0, 3))).toEqual([1, -2, 100 % 7].map(Math.fround));
    expect((await readFile(join(out, 'wave/wave.1.csv'), 'utf8')).split('\n').slice(0, 3)).toEqual(['aX,aY,aZ', '0,0,0', '0.01,-0.02,1']);
  });

  it('fails with exit code 1 and keeps the saved samples when the input ends early', async () => {
    const capture = join(dir, 'short.csv');
    await writeFile(capture, `x\n${Array.from({ length: 150 }, (_, i) => i).join('\n')}\n`);
    const run = await cli('record', '--input', capture, '--rate', '100', '--label', 'x', '--out', dir, '--count', '3', '--yes');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`sensorkit: recorder: file:${capture} ended after 1 of 3 samples; those are saved\n`);
    expect((await loadDataset(dir)).entries).toHaveLength(1);
  });

  it('refuses a corrupted manifest with its path, and usage mistakes with exit code 2', async () => {
    await writeFile(join(dir, 'manifest.json'), '{"format": "sensorkit-dataset", "version": 1, "name": ');
    const corrupt = await cli('record', '--generate', 'sine:10', '--label', 'a', '--out', dir, '--yes');
    expect(corrupt.code).toBe(1);
    expect(corrupt.stderr).toMatch(new RegExp(`^sensorkit: ${join(dir, 'manifest.json')}(:\\d+)?: malformed JSON`));
    await expect(loadDataset(dir)).rejects.toThrow(/malformed JSON/);

    const out = join(dir, 'new');
    const usage = async (...args: string[]): Promise<string> => {
      const run = await cli('record', '--label', 'a', '--out', out, '--yes', ...args);
      expect(run.code).toBe(2);
      return run.stderr;
    };
    expect(await usage()).toBe('sensorkit: record: input = "none"; expected exactly one of --port <path|auto>, --mic, --generate <spec>, --input <file>\n');
    expect(await usage('--generate', 'sine:10', '--mic')).toContain('input = "--mic --generate"');
    expect(await usage('--generate', 'sine:10', '--baud', '9600')).toBe('sensorkit: record: --baud = 9600; expected no --baud with --generate; it applies to --port\n');
    expect(await usage('--generate', 'sine:10', '--count', '0')).toContain('"0" is not an integer >= 1');
    expect(await usage('--generate', 'sine:10', '--label', '../etc')).toContain('record: label = "../etc"; expected 1 to 64 letters');
    expect(await usage('--generate', 'sine:99999', '--rate', '8000')).toMatch(/Nyquist|4000/);
  });

  it('waits for nobody in CI, and draws the progress bar in place on a terminal', () => {
    expect(isCi({ CI: 'true' })).toBe(true);
    expect(isCi({ CI: '1' })).toBe(true);
    expect(isCi({ CI: 'false' })).toBe(false);
    expect(isCi({})).toBe(false);
    expect(choosePromptMode({ yes: false, ci: true, stdinIsTty: true })).toBe('none');
    expect(choosePromptMode({ yes: false, ci: false, stdinIsTty: true })).toBe('enter');
    expect(choosePromptMode({ yes: false, ci: false, stdinIsTty: false })).toBe('countdown');
    expect(formatProgressBar({ label: 'punch', number: 3, count: 10, seconds: 0.6, length: 1, done: 2 }, 10)).toBe('punch 3/10 [██████░░░░] 0.60/1.00 s');
    expect(formatProgressBar({ label: 'x', number: 1, count: 1, seconds: 2, length: 1, done: 0 }, 4)).toBe('x 1/1 [████] 2.00/1.00 s');
  });

  it('prompts: Enter on a terminal (failing if stdin closes), a 3-2-1 countdown otherwise', async () => {
    const text = (stream: PassThrough): string => String(stream.read() ?? '');
    const input = new PassThrough();
    const err = new PassThrough();
    const enter = enterPrompt(input, err);
    const first = enter.ask({ label: 'punch', number: 3, count: 10 });
    input.write('\n');
    await first;
    expect(text(err)).toBe("Recording 'punch' 3/10: press Enter to start (Ctrl-C to stop) ");
    const second = enter.ask({ label: 'punch', number: 4, count: 10 });
    input.end();
    await expect(second).rejects.toThrow('standard input closed while waiting for Enter; use --yes to record without prompts');
    expect(text(err)).toContain("'punch' 4/10: press Enter");
    enter.close();

    const countdown = countdownPrompt(err, new AbortController().signal, 3, 1);
    await countdown.ask({ label: 'idle', number: 1, count: 2 });
    expect(text(err)).toBe("Recording 'idle' 1/2 in 3 2 1 - go\n");
    const aborted = new AbortController();
    const cut = countdownPrompt(err, aborted.signal, 3, 60_000).ask({ label: 'idle', number: 2, count: 2 });
    aborted.abort();
    await expect(cut).rejects.toThrow(/abort/i);
  });

  it('redraws the progress bar with \\r on a terminal and prints only saved lines otherwise', () => {
    const entry = { file: 'a/a.1.csv', label: 'a', sampleRate: 100, channels: 1, axes: ['x'], units: ['g'], source: 's', recordedAt: '', frames: 100, durationSeconds: 1, badLines: 2, gapSamples: 5 };
    const p = { label: 'a', number: 1, count: 2, seconds: 0.5, length: 1, done: 0 };
    const tty = new PassThrough();
    const onTty = new ProgressReporter(tty, true);
    onTty.progress(p);
    onTty.saved(entry, 1, 2);
    expect(String(tty.read())).toBe('\ra 1/2 [████████████░░░░░░░░░░░░] 0.50/1.00 s\x1b[K\r\x1b[Ka 1/2: saved a/a.1.csv (1.00 s, 100 readings); 2 bad lines, 5 samples lost in gaps\n');
    const pipe = new PassThrough();
    const onPipe = new ProgressReporter(pipe, false);
    onPipe.progress(p);
    onPipe.saved(entry, 1, 2);
    expect(String(pipe.read())).toBe('a 1/2: saved a/a.1.csv (1.00 s, 100 readings); 2 bad lines, 5 samples lost in gaps\n');
  });

  it('records without --yes when CI is set', async () => {
    const saved = process.env.CI;
    process.env.CI = 'true';
    try {
      const run = await cli('record', '--generate', 'sine:10', '--rate', '1000', '--label', 'ci', '--out', dir, '--length', '0.05', '--count', '2');
      expect(run.code).toBe(0);
      expect(run.stderr).not.toContain('press Enter');
      expect((await loadDataset(dir)).entries.map((e) => e.startIndex)).toEqual([0, 50]);
    } finally {
      if (saved === undefined) delete process.env.CI;
      else process.env.CI = saved;
    }
  });
});
