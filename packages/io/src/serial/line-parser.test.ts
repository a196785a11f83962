import { describe, expect, it } from 'vitest';
import { createRandom } from '@sensorkit/dsp';
import { emptyBadLineCounts, formatBadLines } from './bad-lines.js';
import { LineFields, FIELD_EMPTY, FIELD_NOT_NUMERIC, FIELD_TOO_MANY } from './line-fields.js';
import { LineParser, type LineSink } from './line-parser.js';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

type Event = { values: number[]; separator: string } | { names: string[]; separator: string };

function recorder(): { sink: LineSink; events: Event[] } {
  const events: Event[] = [];
  return {
    events,
    sink: {
      reading: (values, count, separator) => events.push({ values: Array.from(values.subarray(0, count)), separator }),
      names: (names, separator) => events.push({ names: [...names], separator }),
    },
  };
}

function parseAll(chunks: Uint8Array[], options: ConstructorParameters<typeof LineParser>[0] = { skipFirstLine: false }) {
  const parser = new LineParser(options);
  const { sink, events } = recorder();
  for (const c of chunks) expect(parser.push(c, sink)).toBe(c.length);
  return { events, counts: { ...parser.counts }, lines: parser.lines, parser };
}

/** Splits bytes at random places (sizes 1..maxSize). */
function randomSplits(bytes: Uint8Array, seed: number, maxSize: number): Uint8Array[] {
  const random = createRandom(seed);
  const out: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; ) {
    const size = 1 + Math.floor(random.uniform() * maxSize);
    out.push(bytes.slice(at, at + size));
    at += size;
  }
  return out;
}

// A capture as boards send it: boot noise, a header, CRLF and LF, commas, tabs, spaces, garbage.
const CAPTURE = [
  'ets Jan  8 2013,rst cause:2, boot mode:(3,6)\r\n',
  '\xff\xfe\x00garbage\r\n',
  'aX,aY,aZ\r\n',
  '0.12,-0.5,9.81\r\n',
  '0.13, -0.49, 9.80\r\n',
  '1e-3\t2.5E2\t-0\r\n',
  '7 8\t9\n',
  '10,11,12,\r\n',
  'IMU: fifo overflow!\r\n',
  '\r\n',
  '1,,3\n',
  '4,5,abc\n',
  `${'9'.repeat(1100)}\n`,
  '13,14,15\n',
  '16,17\n',
  '+.5,-.25,3.\n',
].join('');

describe('LineParser', () => {
  it('reads the Arduino / data-forwarder line format: header, CRLF or LF, commas, tabs, spaces in any mix', () => {
    const { events, counts } = parseAll([encode(CAPTURE)]);
    expect(events).toEqual([
      { names: ['aX', 'aY', 'aZ'], separator: 'comma' },
      { values: [0.12, -0.5, 9.81], separator: 'comma' },
      { values: [0.13, -0.49, 9.8], separator: 'comma' },
      { values: [0.001, 250, -0], separator: 'blank' },
      { values: [7, 8, 9], separator: 'blank' },
      { values: [10, 11, 12], separator: 'comma' },
      { values: [13, 14, 15], separator: 'comma' },
      { values: [16, 17], separator: 'comma' },
      { values: [0.5, -0.25, 3], separator: 'comma' },
    ]);
    // Boot noise, binary garbage, a debug print and `abc` are not numeric; `1,,3` has an empty field.
    expect(counts).toEqual({ ...emptyBadLineCounts(), 'not-numeric': 4, 'empty-field': 1, overlong: 1 });
    expect(formatBadLines(counts)).toBe('4 not-numeric, 1 empty-field, 1 overlong');
  });

  it('gives identical readings and counts whatever the byte splits (1-byte chunks included)', () => {
    const bytes = new Uint8Array([...Buffer.from(CAPTURE, 'latin1')]);
    const whole = parseAll([bytes]);
    for (const [seed, maxSize] of [[1, 1], [2, 3], [3, 17], [4, 200], [5, 1500]] as const) {
      const split = parseAll(randomSplits(bytes, seed, maxSize));
      expect(split.events).toEqual(whole.events);
      expect(split.counts).toEqual(whole.counts);
      expect(split.lines).toBe(whole.lines);
    }
  });

  it('parses numbers exactly as Number() does, from the bytes', () => {
    const random = createRandom(7);
    const fields = new LineFields(4);
    const texts: string[] = ['0', '-0', '007', '1.', '.5', '-.5e-3', '1e22', '1e23', '123456789012345678', '0.1234567890123456789',
      '4.9e-324', '1.7976931348623157e308', '2.2250738585072014e-308', '00000000000000000001.5', '1.000000000000000000001', '9007199254740993'];
    for (let i = 0; i < 2000; i++) {
      const digits = Math.floor(random.uniform() * 20) + 1;
      let text = random.uniform() < 0.5 ? '-' : '';
      for (let d = 0; d < digits; d++) text += Math.floor(random.uniform() * 10);
      const dot = Math.floor(random.uniform() * (digits + 1));
      text = `${text.slice(0, text.length - dot)}.${text.slice(text.length - dot)}`;
      if (random.uniform() < 0.3) text += `e${Math.floor(random.uniform() * 60) - 30}`;
      texts.push(text);
    }
    for (const text of texts) {
      const line = encode(`${text},1`);
      expect(fields.parse(line, line.length), text).toBe(2);
      expect(Object.is(fields.values[0], Number(text)), `${text}: ${fields.values[0]} vs ${Number(text)}`).toBe(true);
    }
  });

  it('refuses fields that are not plain decimal numbers', () => {
    const fields = new LineFields(3);
    const codes = (text: string): number => fields.parse(encode(text), encode(text).length);
    for (const bad of ['nan', '1,inf', '0x10', '1.2.3', '1e', '1e+', '-', '.', '12abc', '1,2;3', 'ovf', '1e999']) expect(codes(bad), bad).toBe(FIELD_NOT_NUMERIC);
    expect(codes(',1,2')).toBe(FIELD_EMPTY);
    expect(codes('1, ,2')).toBe(FIELD_EMPTY);
    expect(codes('1,2,3,4')).toBe(FIELD_TOO_MANY);
    expect(codes('1,2,3,')).toBe(3); // one trailing comma, as `Serial.print(x); Serial.print(',')` loops leave
    expect(codes('  \t\r')).toBe(0);
  });

  it('drops a line cut by a disconnect and the possibly-cut first line of the next connection', () => {
    const parser = new LineParser();
    const { sink, events } = recorder();
    parser.push(encode('5,6,7\n1,2,3\n4,5'), sink); // '5,6,7' is the first line after connecting
    parser.restart(); // disconnect: '4,5' was half a line
    parser.push(encode('6,7,8\n9,10,11\n'), sink); // '6,7,8' may be the tail of a line: dropped
    expect(events).toEqual([
      { values: [1, 2, 3], separator: 'comma' },
      { values: [9, 10, 11], separator: 'comma' },
    ]);
    expect(parser.counts.cut).toBe(3);
    // A header as the first line is kept: the board printed it at boot.
    const fresh = parseAll([encode('aX aY\n1 2\n')], {});
    expect(fresh.events).toEqual([{ names: ['aX', 'aY'], separator: 'blank' }, { values: [1, 2], separator: 'blank' }]);
  });

  it('drops lines over maxLineBytes and counts them, with no memory growth', () => {
    const parser = new LineParser({ maxLineBytes: 16, skipFirstLine: false });
    const { sink, events } = recorder();
    parser.push(encode(`${'1,'.repeat(8)}1\n`), sink); // 17 bytes
    parser.push(encode('1,'.repeat(100000)), sink); // no newline for 200 kB
    parser.push(encode('2\n3,4\n'), sink);
    parser.push(encode(`${'5,'.repeat(7)}5\n`), sink); // exactly 15 bytes fit
    expect(events.map((e) => ('values' in e ? e.values.length : -1))).toEqual([2, 8]);
    expect(parser.counts.overlong).toBe(2);
  });

  it('stops before a line when the sink is full and resumes from the returned offset with the same result', () => {
    const bytes = encode('1,2\n3,4\n5,6\n7,8\n');
    const parser = new LineParser({ skipFirstLine: false });
    const seen: number[] = [];
    let room = 2;
    const sink: LineSink = {
      reading: (values) => {
        seen.push(values[0]!);
        room--;
      },
      names: () => undefined,
      full: () => room === 0,
    };
    const stop = parser.push(bytes, sink);
    expect(seen).toEqual([1, 3]);
    expect(stop).toBe(11); // '5,6' is in the line buffer; its newline waits for room
    room = 10;
    expect(parser.push(bytes, sink, stop)).toBe(bytes.length);
    expect(seen).toEqual([1, 3, 5, 7]);
  });

  it('checks its options', () => {
    expect(() => new LineParser({ maxLineBytes: 4 })).toThrow('line-parser: maxLineBytes = 4; expected an integer in 8..1048576');
    expect(() => new LineParser({ maxValue: 3 } as never)).toThrow(/maxValue = 3; expected no such option/);
  });
});
