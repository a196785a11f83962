import { describe, expect, it } from 'vitest';
import { rng } from '../test/helpers.js';
import { CsvRecordParser, detectSeparator, type CsvSeparator } from './csv-records.js';

type Rec = [string[], number, boolean];

function parse(pieces: string[], separator: CsvSeparator = ','): Rec[] {
  const out: Rec[] = [];
  const p = new CsvRecordParser(separator);
  const on = (f: string[], line: number, blank: boolean): number => out.push([f, line, blank]);
  for (const piece of pieces) p.push(piece, on);
  p.end(on);
  return out;
}

/** Splits text at random places (including inside CRLF pairs and doubled quotes). */
function randomPieces(text: string, seed: number): string[] {
  const next = rng(seed);
  const pieces: string[] = [];
  for (let at = 0; at < text.length; ) {
    const n = 1 + Math.floor(next() * 6);
    pieces.push(text.slice(at, at + n));
    at += n;
  }
  return pieces;
}

const SAMPLE = 'name,value,note\r\n"a, b",1.5,"say ""hi"""\r\n\r\nc,2,"two\r\nlines"\rd,3,\n"",4,x\n  \n,,\nlast,5,end';

describe('CSV record parser', () => {
  it('splits fields and records: quotes, doubled quotes, CR / LF / CRLF, blank lines, line numbers', () => {
    expect(parse([SAMPLE])).toEqual([
      [['name', 'value', 'note'], 1, false],
      [['a, b', '1.5', 'say "hi"'], 2, false],
      [[''], 3, true],
      [['c', '2', 'two\r\nlines'], 4, false],
      [['d', '3', ''], 6, false],
      [['', '4', 'x'], 7, false],
      [['  '], 8, true],
      [['', '', ''], 9, false],
      [['last', '5', 'end'], 10, false],
    ]);
  });

  it('gives the same records whatever the text is split into (streaming equals whole)', () => {
    const whole = parse([SAMPLE]);
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) expect(parse(randomPieces(SAMPLE, seed))).toEqual(whole);
    expect(parse(Array.from(SAMPLE))).toEqual(whole);
  });

  it('handles a final line break, an empty input and other separators', () => {
    expect(parse(['a;b\n1;2\n'], ';')).toEqual([
      [['a', 'b'], 1, false],
      [['1', '2'], 2, false],
    ]);
    expect(parse([''])).toEqual([]);
    expect(parse(['x\ty\r\n3\t"4\t5"'], '\t')).toEqual([
      [['x', 'y'], 1, false],
      [['3', '4\t5'], 2, false],
    ]);
    expect(parse(['""'])).toEqual([[[''], 1, false]]); // a quoted empty field is data, not a blank line
  });

  it('detects the separator from the header line', () => {
    expect(detectSeparator('aX,aY,aZ,gX,gY,gZ')).toBe(',');
    expect(detectSeparator('time;x;y;"label, long"')).toBe(';');
    expect(detectSeparator('t\tx\ty')).toBe('\t');
    expect(detectSeparator('"a;b;c",d,e')).toBe(',');
    expect(detectSeparator('single')).toBe(',');
  });
});
