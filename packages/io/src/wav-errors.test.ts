import { afterAll, describe, expect, it, vi } from 'vitest';
import { collect, concatBytes, fmtPayload, int16Bytes, riffChunk, riffFile, scratchDir, writeBytes } from '../test/helpers.js';
import { FormatError } from './errors.js';
import { readWavHeader } from './wav-header.js';
import { readWav, readWavChunks } from './wav-reader.js';

const tmp = scratchDir();
afterAll(() => tmp.cleanup());

const pcm16 = fmtPayload({ channels: 1, bits: 16, rate: 8000 });
const fileOf = (name: string, bytes: Uint8Array): string => writeBytes(tmp.path(name), bytes);
const quiet = (): void => {};

async function failure(path: string, options: { strict?: boolean } = {}): Promise<FormatError> {
  try {
    await readWav(path, { ...options, onWarning: quiet });
  } catch (err) {
    expect(err).toBeInstanceOf(FormatError);
    expect((err as FormatError).file).toBe(path);
    expect((err as Error).message.startsWith(`${path}: WAV: `)).toBe(true);
    return err as FormatError;
  }
  throw new Error(`${path} was read without an error`);
}

describe('WAV reader errors name the file and the problem', () => {
  it('empty file', async () => {
    const e = await failure(fileOf('empty.wav', new Uint8Array(0)));
    expect(e.message).toContain('empty file (0 bytes); expected a RIFF/WAVE header');
  });

  it('not RIFF, with the bytes found', async () => {
    const e = await failure(fileOf('ogg.wav', new TextEncoder().encode('OggS and some vorbis bytes')));
    expect(e.message).toContain('not a RIFF file: starts with "OggS"; expected "RIFF" (at byte 0)');
    const bin = await failure(fileOf('bin.wav', Uint8Array.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)));
    expect(bin.message).toContain('starts with 0x00010203; expected "RIFF"');
  });

  it('RIFX and RF64 are refused by name', async () => {
    expect((await failure(fileOf('rifx.wav', riffFile([], { magic: 'RIFX' })))).message).toContain('big-endian RIFX files are not supported');
    expect((await failure(fileOf('rf64.wav', riffFile([], { magic: 'RF64' })))).message).toContain('RF64 (64-bit sizes, files over 4 GiB) is not supported');
  });

  it('not WAVE', async () => {
    const e = await failure(fileOf('avi.wav', riffFile([], { form: 'AVI ' })));
    expect(e.message).toContain('RIFF form type "AVI "; expected "WAVE" (at byte 8)');
    expect(e.offset).toBe(8);
  });

  it('truncated inside the RIFF header and inside a chunk header', async () => {
    expect((await failure(fileOf('short.wav', new TextEncoder().encode('RIFF\u0010\u0000')))).message).toContain(
      'file ends after 6 bytes, inside the 12-byte RIFF header',
    );
    const cut = concatBytes(riffFile([riffChunk('fmt ', pcm16)]), new TextEncoder().encode('dat'));
    const e = await failure(fileOf('cut-header.wav', cut));
    expect(e.message).toContain('file ends inside a chunk header (3 of 8 bytes at byte 36)');
    expect(e.offset).toBe(36);
  });

  it('missing fmt, and data before fmt', async () => {
    expect((await failure(fileOf('nofmt.wav', riffFile([riffChunk('LIST', new Uint8Array(4))])))).message).toContain(
      'missing fmt chunk (chunks found: LIST)',
    );
    const e = await failure(fileOf('datafirst.wav', riffFile([riffChunk('data', int16Bytes([1, 2])), riffChunk('fmt ', pcm16)])));
    expect(e.message).toContain('data chunk at byte 12 comes before any fmt chunk');
  });

  it('missing data', async () => {
    const e = await failure(fileOf('nodata.wav', riffFile([riffChunk('fmt ', pcm16), riffChunk('LIST', new Uint8Array(3))])));
    expect(e.message).toContain('missing data chunk (chunks found: fmt, LIST)');
  });

  it('a chunk before data that runs past the end of the file', async () => {
    const e = await failure(fileOf('biglist.wav', riffFile([riffChunk('fmt ', pcm16), riffChunk('LIST', new Uint8Array(4), { declared: 1000 })])));
    expect(e.message).toContain('chunk "LIST" at byte 36 declares 1000 bytes but the file ends after 4; truncated before the data chunk');
    const f = await failure(fileOf('shortfmt.wav', riffFile([riffChunk('fmt ', pcm16.subarray(0, 6), { declared: 16 })])));
    expect(f.message).toContain('fmt at byte 12 declares 16 bytes but the file ends after 6');
  });

  it('unsupported formats, in the architecture guide\'s words', async () => {
    const float24 = fileOf('float24.wav', riffFile([riffChunk('fmt ', fmtPayload({ tag: 3, bits: 24 })), riffChunk('data', new Uint8Array(6))]));
    expect((await failure(float24)).message).toContain(
      'WAV: unsupported format 3 (IEEE float) with 24 bits; expected PCM with 8, 16, 24 or 32 bits, or IEEE float with 32 or 64 bits',
    );
    const alaw = fileOf('alaw.wav', riffFile([riffChunk('fmt ', fmtPayload({ tag: 6, bits: 8 })), riffChunk('data', new Uint8Array(6))]));
    expect((await failure(alaw)).message).toContain('unsupported format 6 (A-law) with 8 bits');
    const pcm12 = fileOf('pcm12.wav', riffFile([riffChunk('fmt ', fmtPayload({ bits: 12, align: 2 })), riffChunk('data', new Uint8Array(6))]));
    expect((await failure(pcm12)).message).toContain('unsupported format 1 (PCM) with 12 bits');
  });

  it('zero channels and zero sample rate', async () => {
    const noCh = fileOf('zero-ch.wav', riffFile([riffChunk('fmt ', fmtPayload({ channels: 0, align: 2 })), riffChunk('data', new Uint8Array(2))]));
    expect((await failure(noCh)).message).toContain('fmt chunk says 0 channels; expected at least 1 (at byte 22)');
    const noRate = fileOf('zero-rate.wav', riffFile([riffChunk('fmt ', fmtPayload({ rate: 0 })), riffChunk('data', new Uint8Array(2))]));
    expect((await failure(noRate)).message).toContain('fmt chunk says a sample rate of 0 Hz; expected > 0 (at byte 24)');
  });

  it('a block align that does not match channels x bytes, and a short fmt chunk', async () => {
    const align = fileOf('align.wav', riffFile([riffChunk('fmt ', fmtPayload({ channels: 2, align: 3 })), riffChunk('data', new Uint8Array(12))]));
    expect((await failure(align)).message).toContain('block align 3 bytes; expected 4 (2 channels x 2 bytes)');
    const tiny = fileOf('tinyfmt.wav', riffFile([riffChunk('fmt ', new Uint8Array(14)), riffChunk('data', new Uint8Array(2))]));
    expect((await failure(tiny)).message).toContain('fmt chunk of 14 bytes; expected at least 16');
  });

  it('extensible: short extension and a non-standard sub-format GUID', async () => {
    const ext = fmtPayload({ tag: 0xfffe, channels: 1, bits: 16 });
    const short = fileOf('ext-short.wav', riffFile([riffChunk('fmt ', concatBytes(ext, Uint8Array.of(0, 0))), riffChunk('data', new Uint8Array(2))]));
    expect((await failure(short)).message).toContain('extensible fmt chunk of 18 bytes (extension 0); expected 40 bytes (extension 22)');
    const tail = new Uint8Array(24);
    new DataView(tail.buffer).setUint16(0, 22, true);
    tail.set([0x01, 0x00, 0x00, 0x00, 0xde, 0xad, 0xbe, 0xef], 8); // sub-format 1 but not the KSDATAFORMAT GUID tail
    const guid = fileOf('ext-guid.wav', riffFile([riffChunk('fmt ', concatBytes(ext, tail)), riffChunk('data', new Uint8Array(2))]));
    expect((await failure(guid)).message).toContain('extensible sub-format GUID 00000001-adde-efbe-0000-000000000000 is not a standard KSDATAFORMAT subtype');
    const mulaw = new Uint8Array(24);
    new DataView(mulaw.buffer).setUint16(0, 22, true);
    mulaw.set([0x07, 0, 0, 0, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71], 8);
    const sub7 = fileOf('ext-mulaw.wav', riffFile([riffChunk('fmt ', concatBytes(fmtPayload({ tag: 0xfffe, bits: 8 }), mulaw)), riffChunk('data', new Uint8Array(2))]));
    expect((await failure(sub7)).message).toContain('unsupported extensible sub-format 7 (mu-law) with 8 bits');
  });

  it('a data size that is not a multiple of the block align', async () => {
    const stereo = fmtPayload({ channels: 2, bits: 16 });
    const e = await failure(fileOf('ragged.wav', riffFile([riffChunk('fmt ', stereo), riffChunk('data', new Uint8Array(10))])));
    expect(e.message).toContain('data size 10 bytes is not a multiple of the block align 4 (2 channels x 2 bytes) (at byte 40)');
  });
});

describe('WAV sizes that lie or were never patched', () => {
  const samples = [100, -200, 300, -400, 500];
  const expected = samples.map((v) => v / 32768);

  it('a data size larger than the file: reads what is there and warns (default), or fails when strict', async () => {
    const path = fileOf('lying.wav', riffFile([riffChunk('fmt ', pcm16), riffChunk('data', int16Bytes(samples), { declared: 2000 })]));
    const warnings: string[] = [];
    const wav = await readWav(path, { onWarning: (m) => warnings.push(m) });
    expect(Array.from(wav.samples)).toEqual(expected.map(Math.fround));
    expect(warnings).toEqual([`${path}: WAV: data chunk declares 2000 bytes (1000 frames) but only 10 bytes follow; reading the 5 whole frames present`]);
    const e = await failure(path, { strict: true });
    expect(e.message).toContain('data chunk declares 2000 bytes (1000 frames) but only 10 bytes follow; the file is truncated or its header lies');
  });

  it('a file cut inside a frame keeps the whole frames and says how many bytes it dropped', async () => {
    const bytes = riffFile([riffChunk('fmt ', fmtPayload({ channels: 2 })), riffChunk('data', int16Bytes([1, 2, 3, 4, 5]), { declared: 400, pad: false })]);
    const warnings: string[] = [];
    const wav = await readWav(fileOf('cut-frame.wav', bytes), { onWarning: (m) => warnings.push(m) });
    expect(wav.samples.length).toBe(4);
    expect(warnings[0]).toContain('reading the 2 whole frames present and ignoring 2 trailing bytes (less than one 4-byte frame)');
  });

  it.each([
    ['0xFFFFFFFF', 0xffffffff, 0xffffffff],
    ['0 (with an unpatched RIFF size)', 0, 0xffffffff],
    ['0 (with a RIFF size of 0)', 0, 0],
  ])('a data size of %s from a writer that never finished: reads to the end of the file', async (_label, declared, riffSize) => {
    const path = fileOf(`unpatched-${declared}-${riffSize}.wav`, riffFile([riffChunk('fmt ', pcm16), riffChunk('data', int16Bytes(samples), { declared })], { riffSize }));
    const warnings: string[] = [];
    const wav = await readWav(path, { strict: true, onWarning: (m) => warnings.push(m) });
    expect(Array.from(wav.samples)).toEqual(expected.map(Math.fround));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('was never patched (the writer did not finish); reading the 5 whole frames to the end of the file');
  });

  it('a real empty data chunk followed by other chunks stays empty', async () => {
    const path = fileOf('empty-data.wav', riffFile([riffChunk('fmt ', pcm16), riffChunk('data', new Uint8Array(0)), riffChunk('LIST', new Uint8Array(8))]));
    const warnings: string[] = [];
    const wav = await readWav(path, { onWarning: (m) => warnings.push(m) });
    expect(wav.samples.length).toBe(0);
    expect(warnings).toEqual([]);
    expect(await collect(readWavChunks(path, { onWarning: quiet }))).toEqual([]);
  });

  it('a missing pad byte after an odd-sized chunk is tolerated with a warning', async () => {
    const bytes = riffFile([riffChunk('fmt ', pcm16), riffChunk('note', Uint8Array.of(1, 2, 3), { pad: false }), riffChunk('data', int16Bytes(samples))]);
    const warnings: string[] = [];
    const wav = await readWav(fileOf('nopad.wav', bytes), { onWarning: (m) => warnings.push(m) });
    expect(Array.from(wav.samples)).toEqual(expected.map(Math.fround));
    expect(warnings[0]).toContain('has an odd size but no pad byte');
  });

  it('warnings go to process warnings when no handler is given', async () => {
    const path = fileOf('warn-default.wav', riffFile([riffChunk('fmt ', pcm16), riffChunk('data', int16Bytes(samples), { declared: 0xffffffff })]));
    const spy = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      await readWavHeader(path);
      expect(spy).toHaveBeenCalledTimes(1);
      expect(spy.mock.calls[0]![0]).toContain(`${path}: WAV: data size 0xFFFFFFFF was never patched`);
      expect(spy.mock.calls[0]![1]).toBe('SensorkitIoWarning');
    } finally {
      spy.mockRestore();
    }
  });
});
