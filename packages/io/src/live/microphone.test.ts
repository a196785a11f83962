import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { firstValueFrom, lastValueFrom, take, toArray } from 'rxjs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ParameterError, type SampleChunk } from '@sensorkit/dsp';
import { concatSamples, fixturesDir, int16Bytes, rng, scratchDir } from '../../test/helpers.js';
import { readWav } from '../wav-reader.js';
import { writeWav } from '../wav-writer.js';
import { CaptureError } from './capture-error.js';
import type { LiveSource, SourceEvent } from './live-source.js';
import { createMicrophonePlan, openMicrophone, type MicrophoneOptions } from './microphone.js';

const tmp = scratchDir();
const node = process.execPath;
const oddWriter = fileURLToPath(new URL('../../test/live/odd-writer.mjs', import.meta.url));
const opened: LiveSource[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((source) => source.close()));
});
afterAll(() => tmp.cleanup());

function mic(options: MicrophoneOptions): LiveSource {
  const source = openMicrophone(options);
  opened.push(source);
  return source;
}

/** Everything a source delivers, its events, and its error if it failed. */
async function drain(source: LiveSource): Promise<{ chunks: SampleChunk[]; events: SourceEvent[]; error: unknown }> {
  const events: SourceEvent[] = [];
  source.events.subscribe((event) => events.push(event));
  try {
    return { chunks: await lastValueFrom(source.chunks.pipe(toArray())), events, error: undefined };
  } catch (error) {
    return { chunks: [], events, error };
  }
}

/** int16 codes, full scale and random, and the Float32 samples packages/io decodes them to. */
function pcmSignal(frames: number, channels: number, seed: number): { codes: number[]; samples: Float32Array } {
  const random = rng(seed);
  const codes = Array.from({ length: frames * channels }, (_, i) => (i < 5 ? [-32768, 32767, -1, 0, 1][i]! : Math.floor(random() * 65536) - 32768));
  return { codes, samples: Float32Array.from(codes, (c) => c / 32768) };
}

/** True once `pid` is gone or a zombie of a parent other than us (never reaped by this process). */
function isGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return true;
  }
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.startsWith('Z');
  } catch {
    return true;
  }
}

async function gone(pid: number, withinMs = 3000): Promise<boolean> {
  for (const start = Date.now(); Date.now() - start < withinMs; ) {
    if (isGone(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return isGone(pid);
}

const pidOf = (events: readonly SourceEvent[]): number => Number(/\(pid (\d+)\)/.exec(events.map((e) => e.message).join('\n'))![1]);
const writeForever = `setInterval(() => process.stdout.write(Buffer.alloc(640)), 5)`;

describe('openMicrophone with an injected command', () => {
  it('gives back, sample for sample, a WAV file that sox plays as raw s16le', async () => {
    const { samples } = pcmSignal(16_123, 1, 1);
    const wav = tmp.path('speech.wav');
    await writeWav(wav, { sampleRate: 16000, channels: 1, samples, format: 'pcm16' });
    const expected = (await readWav(wav)).samples;
    const command = { file: 'sox', args: ['-q', '-D', wav, '-t', 'raw', '-e', 'signed-integer', '-b', '16', '-c', '1', '-r', '16000', '-'] };
    const { chunks, events, error } = await drain(mic({ command, chunkFrames: 1000 }));
    expect(error).toBeUndefined();
    expect(concatSamples(chunks)).toEqual(expected);
    expect(chunks.map((c) => c.index)).toEqual(Array.from({ length: 17 }, (_, k) => k * 1000));
    expect(chunks.map((c) => c.samples.length)).toEqual([...Array<number>(16).fill(1000), 123]);
    expect(chunks.every((c) => c.sampleRate === 16000 && c.channels === 1)).toBe(true);
    expect(events.map((e) => e.kind)).toEqual(['info', 'connected', 'info']);
    expect(events[0]!.message).toMatch(/^microphone: started sox for 16000 Hz, 1 channel, s16le \(pid \d+\)$/);
    expect(events[2]).toEqual({ kind: 'info', at: 16123, message: 'microphone: sox ended after 32246 bytes' });
  });

  it('keeps stereo frames interleaved (the committed 16-bit stereo fixture)', async () => {
    const wav = `${fixturesDir}pcm16_stereo.wav`;
    const expected = await readWav(wav);
    const rate = String(expected.sampleRate);
    const command = { file: 'sox', args: ['-q', '-D', wav, '-t', 'raw', '-e', 'signed-integer', '-b', '16', '-c', '2', '-r', rate, '-'] };
    const { chunks } = await drain(mic({ command, sampleRate: expected.sampleRate, channels: 2, chunkFrames: 7 }));
    expect(concatSamples(chunks)).toEqual(expected.samples);
    expect(chunks[1]!.index).toBe(7);
  });

  it('decodes bytes written in odd-sized pieces exactly', async () => {
    const { codes, samples } = pcmSignal(3000, 2, 2);
    const raw = tmp.path('odd.s16');
    writeFileSync(raw, int16Bytes(codes));
    const { chunks, error } = await drain(mic({ command: { file: node, args: [oddWriter, raw] }, channels: 2, chunkFrames: 256 }));
    expect(error).toBeUndefined();
    expect(concatSamples(chunks)).toEqual(samples);
    expect(chunks.slice(0, -1).every((c) => c.samples.length === 512)).toBe(true);
  });

  it('drops and reports the bytes of an unfinished last frame', async () => {
    const raw = tmp.path('cut.s16');
    writeFileSync(raw, new Uint8Array([...int16Bytes([100, -100, 200]), 0x7f]));
    const { chunks, events } = await drain(mic({ command: { file: node, args: [oddWriter, raw] }, channels: 2 }));
    expect(concatSamples(chunks)).toEqual(new Float32Array([100 / 32768, -100 / 32768]));
    expect(events.map((e) => e.message)).toContain('microphone: node ended mid-frame; 3 trailing bytes dropped');
  });
});

describe('openMicrophone errors', () => {
  it('says what to install when neither sox nor arecord is on PATH', async () => {
    const { error, events } = await drain(mic({ env: { PATH: tmp.dir } }));
    expect(error).toBeInstanceOf(CaptureError);
    expect((error as Error).message).toBe('microphone: no audio capture tool: install sox (apt-get install sox) or alsa-utils (apt-get install alsa-utils)');
    expect(events).toEqual([{ kind: 'disconnected', at: 0, message: (error as Error).message }]);
  });

  it('names the missing tool that was asked for', async () => {
    const { error } = await drain(mic({ tool: 'arecord', env: { PATH: tmp.dir } }));
    expect((error as Error).message).toBe('microphone: "arecord" is not on PATH: install alsa-utils (apt-get install alsa-utils)');
  });

  it('reports an injected command that cannot start', async () => {
    const { error } = await drain(mic({ command: { file: tmp.path('no-such-recorder'), args: [] } }));
    expect((error as Error).message).toBe(`microphone: cannot start "${tmp.path('no-such-recorder')}": not found`);
  });

  it("surfaces the last lines of a failing tool's stderr", async () => {
    const script = `process.stderr.write('ALSA lib noise\\nopening hw:3,0\\ncapture: no such device hw:3,0\\n'); process.exit(1)`;
    const { error, events } = await drain(mic({ command: { file: node, args: ['-e', script] } }));
    expect(error).toBeInstanceOf(CaptureError);
    expect((error as Error).message).toBe(
      'microphone: node exited with code 1 before any audio (no capture device, or a wrong device name?): ALSA lib noise | opening hw:3,0 | capture: no such device hw:3,0',
    );
    expect((error as CaptureError).detail.exitCode).toBe(1);
    expect(events.at(-1)).toEqual({ kind: 'disconnected', at: 0, message: (error as Error).message });
  });

  it('surfaces what the real sox says about a capture device that does not exist', async () => {
    const { error } = await drain(mic({ tool: 'sox', device: 'sensorkit-no-such-device' }));
    expect(error).toBeInstanceOf(CaptureError);
    expect((error as Error).message).toMatch(/^microphone: sox exited with code \d+ before any audio .*: .*sox FAIL/);
  });

  it('fails a tool that goes silent, and ends its process', async () => {
    const source = mic({ command: { file: node, args: ['-e', 'setInterval(() => {}, 1000)'] }, stallTimeoutMs: 200 });
    const { error, events } = await drain(source);
    expect((error as Error).message).toBe('microphone: no audio from node for 200 ms after 0 bytes: the device may be gone or busy');
    await source.close();
    expect(await gone(pidOf(events))).toBe(true);
  });

  it('refuses bad options by name', () => {
    expect(() => createMicrophonePlan({ sampleRate: 0 })).toThrow('microphone: sampleRate = 0; expected an integer in 1000..384000 (Hz)');
    expect(() => createMicrophonePlan({ channels: 0 })).toThrow(ParameterError);
    expect(() => createMicrophonePlan({ tool: 'ffmpeg' as 'sox' })).toThrow('microphone: tool = "ffmpeg"; expected one of "sox", "arecord"');
    expect(() => createMicrophonePlan({ command: { file: 'x', args: [] }, device: 'hw:1' })).toThrow(/device = "hw:1"; expected no device with an injected command/);
    expect(() => createMicrophonePlan({ rate: 16000 } as MicrophoneOptions)).toThrow(/microphone: rate = 16000; expected no such option/);
  });
});

describe('openMicrophone close', () => {
  it('close() mid-stream completes the chunks and reaps the process', async () => {
    const source = mic({ command: { file: node, args: ['-e', writeForever] }, chunkFrames: 320 });
    const events: SourceEvent[] = [];
    source.events.subscribe((e) => events.push(e));
    const chunks: SampleChunk[] = [];
    let firstChunk: () => void = () => {};
    const arrived = new Promise<void>((resolve) => (firstChunk = resolve));
    const completed = new Promise<void>((resolve, reject) => {
      source.chunks.subscribe({ next: (c) => (chunks.push(c), firstChunk()), complete: resolve, error: reject });
    });
    await arrived;
    await source.close();
    await completed;
    expect(chunks.length).toBeGreaterThan(0);
    expect(isGone(pidOf(events))).toBe(true);
    expect(events.at(-1)!.message).toBe('microphone: closed');
  });

  it('kills a process that ignores SIGTERM after killTimeoutMs', async () => {
    const stubborn = `process.on('SIGTERM', () => {}); ${writeForever}`;
    const source = mic({ command: { file: node, args: ['-e', stubborn] }, killTimeoutMs: 200 });
    const events: SourceEvent[] = [];
    source.events.subscribe((e) => events.push(e));
    await firstValueFrom(source.chunks);
    await source.close();
    expect(isGone(pidOf(events))).toBe(true);
  });

  it('ends the children of a shell wrapper too (process group)', async () => {
    const pidFile = tmp.path('grandchild.pid');
    // It ignores a broken pipe, so only a signal to the whole group can end it.
    const child = `require('fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); process.stdout.on('error', () => {}); ${writeForever}`;
    const source = mic({ command: { file: 'sh', args: ['-c', `"${node}" -e "${child.replace(/"/g, '\\"')}"; echo done`] } });
    await firstValueFrom(source.chunks);
    await source.close();
    expect(await gone(Number(readFileSync(pidFile, 'utf8')))).toBe(true);
  });

  it('closes itself when the last chunk subscriber unsubscribes (take(n) leaks nothing)', async () => {
    const source = mic({ command: { file: node, args: ['-e', writeForever] }, chunkFrames: 100 });
    const events: SourceEvent[] = [];
    source.events.subscribe((e) => events.push(e));
    const two = await lastValueFrom(source.chunks.pipe(take(2), toArray()));
    expect(two.map((c) => c.index)).toEqual([0, 100]);
    expect(await gone(pidOf(events))).toBe(true);
    await source.close();
  });
});
