import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatSegmentedCsv } from './csv-segments.js';
import { readCsv } from './csv-reader.js';

describe('formatSegmentedCsv', () => {
  it('writes the Arduino layout that readCsv splits back into the same segments, float32 exact', async () => {
    const segments = [Float32Array.of(0.1, -2.5, 1e-7, 3), Float32Array.of(1 / 3, 2000.125)];
    const text = formatSegmentedCsv(['aX', 'gX'], segments);
    expect(text).toBe('aX,gX\n0.1,-2.5\n1e-7,3\n\n0.33333334,2000.125\n');
    const dir = await mkdtemp(join(tmpdir(), 'csv-segments-'));
    try {
      await writeFile(join(dir, 'punch.csv'), text);
      const back = await readCsv(join(dir, 'punch.csv'), { sampleRate: 119 });
      expect(back.columns).toEqual(['aX', 'gX']);
      expect(back.segments.map((s) => Array.from(s.samples))).toEqual(segments.map((s) => Array.from(s)));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('rounds to the digits asked and refuses a segment that is not whole lines', () => {
    expect(formatSegmentedCsv(['a'], [Float32Array.of(1.23456)], 3)).toBe('a\n1.23\n');
    expect(() => formatSegmentedCsv(['aX', 'aY', 'aZ'], [Float32Array.of(1, 2)])).toThrow(/segment 0 has 2 values; expected a positive multiple of 3 \(aX, aY, aZ\)/);
  });
});
