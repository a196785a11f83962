import { open, type FileHandle } from 'node:fs/promises';
import { emitIoWarning, FormatError, type WarningHandler } from './errors.js';
import { readAt } from './positioned-io.js';
import { parseWavFormat, type WavFormat } from './wav-format.js';

/** A WAV file's format plus where its samples are, after the chunk walk and the size checks. */
export interface WavHeader extends WavFormat {
  /** byte offset of the first sample */
  readonly dataOffset: number;
  /** whole frames that will be read (frames x blockAlign bytes from dataOffset) */
  readonly frames: number;
  /** data size in bytes as the header states it (0xFFFFFFFF or 0 from a writer that never patched it) */
  readonly declaredDataBytes: number;
  /** file size in bytes */
  readonly fileBytes: number;
  /** problems worked around (unpatched or lying sizes); also sent to the warning handler */
  readonly warnings: readonly string[];
}

export interface WavHeaderOptions {
  /**
   * false (default): a data chunk that claims more bytes than the file holds is read as far as the
   * file goes, with a warning (as sox, ffmpeg and libsndfile do: recordings cut short stay usable).
   * true: that is an error.
   */
  strict?: boolean;
  /** receives each warning; default: process.emitWarning */
  onWarning?: WarningHandler;
}

/** Data sizes that streaming writers leave in the header until they close the file. */
const UNPATCHED = 0xffffffff;

/**
 * Reads and checks the header of a RIFF/WAVE file without reading its samples.
 * @example
 * const h = await readWavHeader('clip.wav'); // { sampleRate: 16000, channels: 1, encoding: 'pcm16', frames: 16000, ... }
 */
export async function readWavHeader(path: string, options: WavHeaderOptions = {}): Promise<WavHeader> {
  const fh = await open(path, 'r');
  try {
    return await parseWavHeader(fh, path, options);
  } finally {
    await fh.close();
  }
}

/**
 * Walks the RIFF chunks of an open file up to the data chunk: checks the RIFF/WAVE magic, parses
 * `fmt `, skips every other chunk (LIST, fact, JUNK, ... with their odd-size pad byte) and decides how
 * many frames the data chunk holds. Errors name the file, the problem and the byte offset.
 */
export async function parseWavHeader(fh: FileHandle, file: string, options: WavHeaderOptions = {}): Promise<WavHeader> {
  const onWarning = options.onWarning ?? emitIoWarning;
  const warnings: string[] = [];
  const warn = (message: string): void => {
    warnings.push(message);
    onWarning(`${file}: ${message}`);
  };
  const fileBytes = (await fh.stat()).size;
  if (fileBytes === 0) throw new FormatError(file, 'WAV: empty file (0 bytes); expected a RIFF/WAVE header');
  const head = new Uint8Array(64);
  const view = new DataView(head.buffer);
  const got = await readAt(fh, head, 12, 0);
  const magic = ascii(head, 0, Math.min(got, 4));
  if (magic === 'RIFX') throw new FormatError(file, 'WAV: big-endian RIFX files are not supported; expected little-endian "RIFF"', { offset: 0 });
  if (magic === 'RF64' || magic === 'BW64') {
    throw new FormatError(file, `WAV: ${magic} (64-bit sizes, files over 4 GiB) is not supported; expected "RIFF"`, { offset: 0 });
  }
  if (got >= 4 && magic !== 'RIFF') throw new FormatError(file, `WAV: not a RIFF file: starts with ${quoted(head, 0, 4)}; expected "RIFF"`, { offset: 0 });
  if (got < 12) throw new FormatError(file, `WAV: file ends after ${got} bytes, inside the 12-byte RIFF header`, { offset: got });
  if (ascii(head, 8, 12) !== 'WAVE') throw new FormatError(file, `WAV: RIFF form type ${quoted(head, 8, 12)}; expected "WAVE"`, { offset: 8 });
  const riffBytes = view.getUint32(4, true);

  let format: WavFormat | undefined;
  const seen: string[] = [];
  let pos = 12;
  let previousOdd = false;
  while (pos < fileBytes) {
    let n = await readAt(fh, head, 8, pos);
    if (previousOdd && n === 8 && !isChunkId(head) && (await readAt(fh, head, 8, pos - 1)) === 8 && isChunkId(head)) {
      // Some writers forget the pad byte after an odd-sized chunk; the next id then starts one byte early.
      warn(`WAV: chunk before byte ${pos} has an odd size but no pad byte; reading on from byte ${pos - 1}`);
      pos -= 1;
      n = 8;
    }
    if (n < 8) throw new FormatError(file, `WAV: file ends inside a chunk header (${n} of 8 bytes at byte ${pos})`, { offset: pos });
    const id = ascii(head, 0, 4);
    const size = view.getUint32(4, true);
    const payload = pos + 8;
    seen.push(id.trim() || quoted(head, 0, 4));
    if (id === 'data') {
      if (!format) throw new FormatError(file, `WAV: data chunk at byte ${pos} comes before any fmt chunk; expected fmt first (missing fmt chunk)`, { offset: pos });
      const frames = dataFrames(file, format, size, payload, fileBytes, riffBytes, pos, options.strict ?? false, warn);
      return { ...format, dataOffset: payload, frames, declaredDataBytes: size, fileBytes, warnings };
    }
    const next = payload + size + (size & 1);
    if (payload + size > fileBytes) {
      const label = id === 'fmt ' ? 'fmt' : `chunk ${quoted(head, 0, 4)}`;
      throw new FormatError(
        file,
        `WAV: ${label} at byte ${pos} declares ${size} bytes but the file ends after ${fileBytes - payload}; truncated before the data chunk`,
        { offset: pos },
      );
    }
    if (id === 'fmt ' && !format) {
      const fmtBytes = Math.min(size, head.length);
      await readAt(fh, head, fmtBytes, payload);
      format = parseWavFormat(file, view, 0, size, payload);
    }
    previousOdd = (size & 1) === 1;
    pos = next;
  }
  const found = seen.length ? `chunks found: ${seen.join(', ')}` : 'no chunks after the RIFF header';
  if (!format) throw new FormatError(file, `WAV: missing fmt chunk (${found})`);
  throw new FormatError(file, `WAV: missing data chunk (${found})`);
}

function dataFrames(
  file: string,
  format: WavFormat,
  declared: number,
  payload: number,
  fileBytes: number,
  riffBytes: number,
  pos: number,
  strict: boolean,
  warn: (message: string) => void,
): number {
  const align = format.blockAlign;
  const available = fileBytes - payload;
  const whole = Math.floor(available / align);
  const leftover = available - whole * align;
  const rest = leftover ? ` and ignoring ${leftover} trailing bytes (less than one ${align}-byte frame)` : '';
  // A data size of 0 is real only when the RIFF size was patched too; otherwise the writer never closed.
  const unpatched = declared === UNPATCHED || (declared === 0 && available > 0 && riffBytes + 8 !== fileBytes);
  if (unpatched) {
    const shown = declared === 0 ? '0' : '0xFFFFFFFF';
    warn(`WAV: data size ${shown} was never patched (the writer did not finish); reading the ${whole} whole frames to the end of the file${rest}`);
    return whole;
  }
  if (declared % align !== 0) {
    throw new FormatError(
      file,
      `WAV: data size ${declared} bytes is not a multiple of the block align ${align} (${format.channels} channels x ${format.bitsPerSample / 8} bytes)`,
      { offset: pos + 4 },
    );
  }
  if (declared > available) {
    const claim = `WAV: data chunk declares ${declared} bytes (${declared / align} frames) but only ${available} bytes follow`;
    if (strict) throw new FormatError(file, `${claim}; the file is truncated or its header lies`, { offset: pos + 4 });
    warn(`${claim}; reading the ${whole} whole frames present${rest}`);
    return whole;
  }
  return declared / align;
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}

/** A 4-byte id as text when printable, else as hex, so a binary mess shows up readably in errors. */
function quoted(bytes: Uint8Array, from: number, to: number): string {
  const slice = bytes.subarray(from, to);
  if (slice.every((b) => b >= 0x20 && b < 0x7f)) return JSON.stringify(ascii(bytes, from, to));
  return `0x${Array.from(slice, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

function isChunkId(bytes: Uint8Array): boolean {
  for (let i = 0; i < 4; i++) if (bytes[i]! < 0x20 || bytes[i]! >= 0x7f) return false;
  return true;
}
