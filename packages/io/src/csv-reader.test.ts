import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { ParameterError } from '@sensorkit/dsp';
import { collect, concatSamples, rng, scratchDir } from '../test/helpers.js';
import { CsvDecoder, type CsvChunk } from './csv-decoder.js';
import { createCsvReaderPlan } from './csv-plan.js';
import { readCsv, readCsvChunks, readCsvInfo } from './csv-reader.js';
import { FormatError } from './errors.js';

const tmp = scratchDir();
afterAll(() => tmp.cleanup());
const file = (name: string, text: string): string => {
  const path = tmp.path(name);
  writeFileSync(path, text);
  return path;
};

/** The Arduino "IMU capture" layout: aX..gZ, one gesture per block, blank lines between gestures. */
function arduinoCapture(gestures: number, rows: number, seed: number): { text: string; values: number[][] } {
  const next = rng(seed);
  const lines = ['aX,aY,aZ,gX,gY,gZ'];
  const values: number[][] = [];
  for (let g = 0; g < gestures; g++) {
    const seg: number[] = [];
    for (let r = 0; r < rows; r++) {
      const row = [0, 1, 2].map(() => (next() * 8 - 4).toFixed(3)).concat([0, 1, 2].map(() => (next() * 4000 - 2000).toFixed(2)));
      lines.push(row.join(','));
      seg.push(...row.map((v) => Math.fround(Number(v))));
    }
    values.push(seg);
    lines.push('', ...(g === 1 ? [''] : [])); // two blank lines after the second gesture: still one break
  }
  return { text: lines.join('\r\n') + '\r\n', values };
}

describe('CSV reader', () => {
  it('reads the Arduino IMU capture format: blank-line segments, CRLF, all six columns', async () => {
    const { text, values } = arduinoCapture(3, 119, 1);
    const path = file('punch.csv', text);
    const csv = await readCsv(path, { sampleRate: 119 });
    expect(csv.columns).toEqual(['aX', 'aY', 'aZ', 'gX', 'gY', 'gZ']);
    expect({ channels: csv.channels, sampleRate: csv.sampleRate, separator: csv.separator }).toEqual({ channels: 6, sampleRate: 119, separator: ',' });
    expect(csv.segments.map((s) => s.line)).toEqual([2, 122, 243]);
    expect(csv.segments.map((s) => Array.from(s.samples))).toEqual(values);
    expect(csv.segments.every((s) => s.label === undefined)).toBe(true);
  });

  it('streams chunks within segments: index restarts per segment; any chunk size gives the same segments', async () => {
    const { text } = arduinoCapture(3, 119, 2);
    const path = file('flex.csv', text);
    const whole = await readCsv(path, { sampleRate: 119 });
    for (const chunkFrames of [1, 50, 119, 4096]) {
      const chunks = await collect(readCsvChunks(path, { sampleRate: 119, chunkFrames }));
      for (let s = 0; s < 3; s++) {
        const mine = chunks.filter((c) => c.segment === s);
        expect(mine.map((c) => c.index)).toEqual(mine.map((_, i) => i * Math.min(chunkFrames, 119)));
        expect(concatSamples(mine)).toEqual(whole.segments[s]!.samples);
        expect(mine[0]!.line).toBe(whole.segments[s]!.line);
      }
      expect(chunks.every((c) => c.channels === 6 && c.sampleRate === 119 && c.samples.length <= 6 * chunkFrames)).toBe(true);
    }
  });

  it('gives the same chunks whatever pieces the text arrives in', () => {
    const { text } = arduinoCapture(2, 40, 3);
    const run = (pieces: string[]): CsvChunk[] => {
      const out: CsvChunk[] = [];
      const d = new CsvDecoder('mem.csv', createCsvReaderPlan({ sampleRate: 50, chunkFrames: 16 }));
      for (const p of pieces) d.push(p, (c) => out.push(c));
      d.end((c) => out.push(c));
      return out;
    };
    const whole = run([text]);
    for (const seed of [1, 2, 3]) {
      const next = rng(seed);
      const pieces: string[] = [];
      for (let at = 0; at < text.length; ) {
        const n = 1 + Math.floor(next() * 40);
        pieces.push(text.slice(at, at + n));
        at += n;
      }
      expect(run(pieces)).toEqual(whole);
    }
  });

  it('splits segments at label changes and leaves label and time columns out of the channels', async () => {
    const text = ['time,x,label,y', '0.00,1,wave,2', '0.01,3,wave,4', '0.02,5,idle,6', '0.03,7,idle,8', '', '0.04,9,idle,10', ''].join('\n');
    const csv = await readCsv(file('labels.csv', text));
    expect(csv).toMatchObject({ columns: ['x', 'y'], labelColumn: 'label', timeColumn: 'time', timeUnit: 's', sampleRate: 100 });
    expect(csv.segments.map((s) => [s.label, s.line, Array.from(s.samples)])).toEqual([
      ['wave', 2, [1, 2, 3, 4]],
      ['idle', 4, [5, 6, 7, 8]],
      ['idle', 7, [9, 10]],
    ]);
    const picked = await readCsv(file('labels2.csv', text), { columns: ['y'], labelColumn: null });
    expect(picked.segments.map((s) => Array.from(s.samples))).toEqual([[2, 4, 6, 8], [10]]);
  });

  it('derives the rate from timestamps in s, ms and us (median step picks the unit, mean step sets the rate)', async () => {
    const rows = (n: number, stamp: (i: number) => string): string => ['t,x', ...Array.from({ length: n }, (_, i) => `${stamp(i)},${i}`)].join('\n');
    expect(await readCsvInfo(file('s.csv', rows(500, (i) => (i / 100).toFixed(2))))).toMatchObject({ sampleRate: 100, timeUnit: 's' });
    // Arduino millis() at 119 Hz: integer steps of 8 and 9 ms.
    const ms = await readCsvInfo(file('ms.csv', rows(2000, (i) => String(Math.round((i * 1000) / 119)))));
    expect(ms.timeUnit).toBe('ms');
    expect(ms.sampleRate).toBeCloseTo(119, 1);
    expect(await readCsvInfo(file('us.csv', rows(300, (i) => String(1_000_000 + i * 2000))))).toMatchObject({ sampleRate: 500, timeUnit: 'us' });
    const named = ['time_us,x', '0,1', '500,2', '1000,3'].join('\n'); // 500 us: the name says us, not the magnitude rule (ms)
    expect(await readCsvInfo(file('named.csv', named))).toMatchObject({ sampleRate: 2000, timeUnit: 'us', timeColumn: 'time_us' });
    expect(await readCsvInfo(file('forced.csv', named), { timeUnit: 'ms' })).toMatchObject({ sampleRate: 2 });
  });

  it('rejects irregular or non-increasing timestamps with the line, also past the rows used to derive the rate', async () => {
    const stamps = Array.from({ length: 3000 }, (_, i) => i * 10);
    stamps[2500] = stamps[2500]! + 15; // step of 25 ms at line 2502
    const late = file('gap.csv', ['timestamp,x', ...stamps.map((t, i) => `${t},${i}`)].join('\n'));
    await expect(collect(readCsvChunks(late))).rejects.toThrow(
      `${late}:2502: timestamp step of 25 ms in column "timestamp" is irregular; expected 10 ms ± 25% (100 Hz from the median step)`,
    );
    const back = file('back.csv', ['t,x', '0,1', '10,2', '5,3', '15,4', '25,5'].join('\n'));
    await expect(readCsv(back)).rejects.toThrow(`${back}:4: timestamp step of -5 ms in column "t" does not increase`);
    const ok = file('jitter.csv', ['t,x', '0,1', '10,2', '22,3', '30,4', '40,5'].join('\n'));
    expect((await readCsv(ok, { timeTolerance: 0.3 })).sampleRate).toBe(100);
    await expect(readCsv(ok, { timeTolerance: 0.1 })).rejects.toThrow(`${ok}:4: timestamp step of 12 ms`);
    // Timestamps may restart in a new segment; steps are only checked within one.
    const restart = file('restart.csv', ['t,x', '0,1', '10,2', '', '0,3', '10,4'].join('\n'));
    expect((await readCsv(restart)).segments).toHaveLength(2);
  });

  it('names file, line and column of a value that is not a number', async () => {
    const rows = ['aX,aY,aZ', ...Array.from({ length: 15 }, (_, i) => `${i},${i},${i}`), '1,abc,3'];
    const path = file('bad.csv', rows.join('\n'));
    await expect(readCsv(path, { sampleRate: 100 })).rejects.toThrow(`${path}:17: column "aY" = "abc"; expected a number`);
    const nan = file('nan.csv', 'a,b\n1,2\nNaN,3\n');
    await expect(readCsv(nan, { sampleRate: 1 })).rejects.toThrow(`${nan}:3: column "a" = "NaN"; expected a number`);
    const empty = file('emptycell.csv', 'a,b\n1,2\n,3\n');
    await expect(readCsv(empty, { sampleRate: 1 })).rejects.toThrow(`${empty}:3: column "a" = ""; expected a number`);
    const huge = file('huge.csv', 'a\n1e39\n');
    await expect(readCsv(huge, { sampleRate: 1 })).rejects.toThrow('expected a number within float32 range');
  });

  it('reports structural problems clearly', async () => {
    const fields = file('fields.csv', 'a,b,c\n1,2,3\n1,2\n');
    await expect(readCsv(fields, { sampleRate: 1 })).rejects.toThrow(`${fields}:3: CSV: 2 fields; expected 3 (a,b,c)`);
    const dup = file('dup.csv', 'a,b,a\n1,2,3\n');
    await expect(readCsv(dup, { sampleRate: 1 })).rejects.toThrow(`${dup}:1: CSV: column "a" appears twice in the header`);
    const none = file('none.csv', 'aX,aY\n1,2\n');
    await expect(readCsv(none, { sampleRate: 1, columns: ['aX', 'aQ'] })).rejects.toThrow(`${none}:1: CSV: no data column "aQ"; the header has "aX", "aY"`);
    await expect(readCsv(none, { timeColumn: 'when' })).rejects.toThrow('CSV: no timestamp column "when"');
    const err = await readCsv(none).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ParameterError);
    expect((err as Error).message).toContain(`csv-reader: sampleRate = undefined; expected a rate in Hz: ${none} has no timestamp column`);
    const empty = file('empty.csv', '');
    await expect(readCsv(empty, { sampleRate: 1 })).rejects.toThrow(`${empty}: CSV: empty file; expected a header row`);
    const headerOnly = file('header.csv', 'a,b\r\n\r\n');
    await expect(readCsv(headerOnly, { sampleRate: 1 })).rejects.toThrow(`${headerOnly}:1: CSV: no data rows after the header`);
    const words = file('words.csv', 'name,kind\nfoo,bar\n');
    await expect(readCsv(words, { sampleRate: 1 })).rejects.toThrow('CSV: no numeric columns in the first data row');
    const single = file('single.csv', 't,x\n0,1\n\n5,2\n');
    await expect(readCsv(single)).rejects.toThrow('cannot derive the sample rate from column "t": no segment has two rows');
    await expect(readCsv(single).catch((e: unknown) => e)).resolves.toBeInstanceOf(FormatError);
  });

  it('auto-detects ; and tab separators, honours quotes and a BOM', async () => {
    const semi = await readCsv(file('semi.csv', '\uFEFF"time";"x";"note"\n0;1;"a;b"\n0.5;2;"c"\n'));
    expect(semi).toMatchObject({ separator: ';', columns: ['x'], sampleRate: 2 });
    expect(Array.from(semi.segments[0]!.samples)).toEqual([1, 2]);
    const tab = await readCsv(file('tab.tsv', 'a\tb\n1\t2\n3\t4\n'), { sampleRate: 10 });
    expect(tab).toMatchObject({ separator: '\t', columns: ['a', 'b'] });
    expect(Array.from(tab.segments[0]!.samples)).toEqual([1, 2, 3, 4]);
    const forced = await readCsv(file('forced.csv', 'a,b;c\n1.5;3\n'), { sampleRate: 1, separator: ';' });
    expect(forced.columns).toEqual(['a,b', 'c']);
    expect(Array.from(forced.segments[0]!.samples)).toEqual([1.5, 3]);
  });

  it('checks options before reading', () => {
    expect(() => readCsvChunks('x.csv', { chunkFrames: 0 })).toThrow('csv-reader: chunkFrames = 0');
    expect(() => readCsvChunks('x.csv', { separator: '|' as never })).toThrow('csv-reader: separator = "|"; expected one of ",", ";", "\\t", "auto"');
    expect(() => readCsvChunks('x.csv', { columns: ['a', 'a'] })).toThrow('distinct column names ("a" appears twice)');
    expect(() => readCsvChunks('x.csv', { timeTolerance: 2 })).toThrow('csv-reader: timeTolerance = 2; expected a number in (0, 1)');
    expect(() => readCsvChunks('x.csv', { rate: 5 } as never)).toThrow('csv-reader: rate = 5; expected no such option');
  });
});
