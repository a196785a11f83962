import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { rng, scratchDir } from '../test/helpers.js';
import { readCsv } from './csv-reader.js';
import { formatNumber, parseCsvNumber, quoteCsvField } from './csv-values.js';
import { CsvWriter, formatCsvRow, writeCsv } from './csv-writer.js';

const tmp = scratchDir();
afterAll(() => tmp.cleanup());

describe('CSV values', () => {
  it('formats numbers compactly and exactly for float32', () => {
    expect(formatNumber(Math.fround(0.1))).toBe('0.1');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(12345)).toBe('12345');
    expect(formatNumber(Math.fround(1e-7))).toBe('1e-7');
    expect(formatNumber(1234.5678, 3)).toBe('1230');
    expect(formatNumber(Math.PI, 4)).toBe('3.142');
    const next = rng(11);
    for (let i = 0; i < 2000; i++) {
      const x = Math.fround((next() - 0.5) * 10 ** Math.floor(next() * 12 - 6));
      const text = formatNumber(x);
      expect(Math.fround(Number(text))).toBe(x);
      expect(text.replace(/^-|\.|e.*$/g, '').replace(/^0+/, '').length).toBeLessThanOrEqual(9);
    }
  });

  it('parses only plain decimal numbers', () => {
    expect(['1', '-2.5', '+.5', '1e3', ' 7 ', '3.', '-1E-2'].map(parseCsvNumber)).toEqual([1, -2.5, 0.5, 1000, 7, 3, -0.01]);
    expect(['', ' ', 'abc', '0x10', 'Infinity', 'NaN', '1,5', '1e', '--1'].map(parseCsvNumber)).toEqual(Array(9).fill(undefined));
  });

  it('quotes only where needed', () => {
    expect(quoteCsvField('plain', ',')).toBe('plain');
    expect(quoteCsvField('a,b', ',')).toBe('"a,b"');
    expect(quoteCsvField('a,b', ';')).toBe('a,b');
    expect(quoteCsvField('say "x"', ',')).toBe('"say ""x"""');
    expect(formatCsvRow([0.5, 'a\nb', 3], ',')).toBe('0.5,"a\nb",3');
  });
});

describe('CSV writer', () => {
  it('writes frames with a default header, and the reader reads them back exactly', async () => {
    const path = tmp.path('frames.csv');
    const writer = await CsvWriter.open(path);
    const frames = Array.from({ length: 700 }, (_, k) => ({
      data: Float32Array.from({ length: 5 }, (_, i) => Math.sin(k * 0.37 + i) * 10 ** (i - 2)),
      index: k * 160,
      sampleRate: 16000,
      channels: 1,
    }));
    for (const f of frames) await writer.writeFrame(f);
    expect(await writer.close()).toEqual({ rows: 700 });
    const text = readFileSync(path, 'utf8');
    expect(text.split('\n')[0]).toBe('index,time,f0,f1,f2,f3,f4');
    expect(text.split('\n')[2]).toMatch(/^160,0\.01,/);
    // time column steps 10 ms: the reader derives 100 Hz from it.
    const back = await readCsv(path, { columns: ['f0', 'f1', 'f2', 'f3', 'f4'] });
    expect(back.sampleRate).toBe(100);
    const expected = new Float32Array(700 * 5);
    frames.forEach((f, k) => expected.set(f.data, k * 5));
    expect(back.segments[0]!.samples).toEqual(expected);
  });

  it('writes rows with strings, a chosen separator and digits; rejects bad rows', async () => {
    const path = tmp.path('rows.csv');
    const done = await writeCsv(path, { columns: ['name', 'score'], separator: ';', digits: 3, rows: [['a;b', 0.123456], ['c', 2]] });
    expect(done).toEqual({ rows: 2 });
    expect(readFileSync(path, 'utf8')).toBe('name;score\n"a;b";0.123\nc;2\n');
    const w = await CsvWriter.open(tmp.path('bad.csv'), { columns: ['a', 'b'] });
    await expect(w.writeRow([1])).rejects.toThrow('csv-writer: row 1 has 1 cells; expected 2 (a, b)');
    await expect(w.writeRow([1, NaN])).rejects.toThrow('csv-writer: row 1, column "b" is NaN; expected a finite number');
    await w.writeRow([1, 2]);
    await w.close();
    await expect(w.writeRow([3, 4])).rejects.toThrow('already closed');
    expect(readFileSync(tmp.path('bad.csv'), 'utf8')).toBe('a,b\n1,2\n');
    const headless = await CsvWriter.open(tmp.path('headless.csv'));
    await expect(headless.writeRow([1])).rejects.toThrow('no header; give columns when opening, or write frames');
    await headless.close();
    await expect(CsvWriter.open(tmp.path('x.csv'), { digits: 0 })).rejects.toThrow('csv-writer: digits = 0; expected an integer in 1..17');
  });
});
