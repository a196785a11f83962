import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { scratchDir } from '../test/helpers.js';
import { readWav, readWavChunks } from './wav-reader.js';
import { WavWriter } from './wav-writer.js';

const tmp = scratchDir();
afterAll(() => tmp.cleanup());

// A real collection before each reading, so the numbers measure what is retained, not garbage.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const retained = async (): Promise<number> => {
  gc();
  // ArrayBuffer backing stores are freed by a concurrent sweeper: give it a moment, then collect again.
  await new Promise((resolve) => setTimeout(resolve, 5));
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

describe('WAV streaming of a large file', () => {
  it('reads a 50 MB file in 4096-frame chunks with memory flat within a few MB', { timeout: 60_000 }, async () => {
    const path = tmp.path('big.wav');
    const block = new Float32Array(1 << 19).map((_, i) => ((i % 2000) - 1000) / 1024);
    const writer = await WavWriter.open(path, { sampleRate: 48000, channels: 2, format: 'pcm16' });
    for (let i = 0; i < 50; i++) await writer.write(block); // 50 x 1 MiB of int16
    const { frames, bytes } = await writer.close();
    expect(bytes).toBeGreaterThan(50 * 2 ** 20);

    const before = await retained();
    let peak = 0;
    let seen = 0;
    let checksum = 0;
    let n = 0;
    for await (const chunk of readWavChunks(path, { chunkFrames: 4096 })) {
      expect(chunk.index).toBe(seen);
      seen += chunk.samples.length / 2;
      checksum += chunk.samples[0]!;
      if (++n % 500 === 0) peak = Math.max(peak, (await retained()) - before);
    }
    expect(seen).toBe(frames);
    expect(checksum).not.toBe(0);
    expect(peak).toBeLessThan(4 * 2 ** 20);

    // The same measurement sees a whole-file read: proof that it would catch a reader that loads it all.
    const whole = await readWav(path);
    expect((await retained()) - before).toBeGreaterThan(90 * 2 ** 20);
    expect(whole.samples.length).toBe(frames * 2);
  });
});
