import { FormatError } from './errors.js';
import type { SampleEncoding } from './sample-codec.js';

/* The `fmt ` chunk of a RIFF WAVE file: which sample layouts exist and which of them this kit reads. */

export const WAVE_FORMAT_PCM = 0x0001;
export const WAVE_FORMAT_IEEE_FLOAT = 0x0003;
export const WAVE_FORMAT_EXTENSIBLE = 0xfffe;

// Names for the format tags people actually meet, so an error says "A-law" instead of a bare number.
const FORMAT_NAMES: Record<number, string> = {
  0x0001: 'PCM',
  0x0002: 'Microsoft ADPCM',
  0x0003: 'IEEE float',
  0x0006: 'A-law',
  0x0007: 'mu-law',
  0x0011: 'IMA ADPCM',
  0x0031: 'GSM 6.10',
  0x0050: 'MPEG',
  0x0055: 'MPEG Layer 3',
  0xfffe: 'extensible',
};

/** Bytes 4..15 of every KSDATAFORMAT_SUBTYPE GUID; bytes 0..3 hold the plain format tag. */
export const KSDATAFORMAT_TAIL = Uint8Array.of(0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71);

const EXPECTED = 'expected PCM with 8, 16, 24 or 32 bits, or IEEE float with 32 or 64 bits';

/** What a WAV file's `fmt ` chunk says about its samples. */
export interface WavFormat {
  /** the tag in the file: 1 PCM, 3 IEEE float, 0xFFFE extensible */
  readonly formatTag: number;
  /** true for WAVE_FORMAT_EXTENSIBLE (the sub-format GUID then says PCM or float) */
  readonly extensible: boolean;
  readonly encoding: SampleEncoding;
  readonly channels: number;
  /** Hz */
  readonly sampleRate: number;
  /** bytes per frame (all channels) */
  readonly blockAlign: number;
  /** container bits per sample */
  readonly bitsPerSample: number;
  /** meaningful bits per sample (extensible files may pad, e.g. 20 valid bits in 24); = bitsPerSample otherwise */
  readonly validBitsPerSample: number;
  /** speaker position bit mask of extensible files; 0 when absent or unspecified */
  readonly channelMask: number;
}

/** Human name of a WAV format tag, e.g. 3 -> "IEEE float". */
export function formatTagName(tag: number): string {
  return FORMAT_NAMES[tag] ?? 'unknown';
}

/**
 * Parses a `fmt ` chunk payload (`size` bytes in `view` from `at`; `offset` = its position in the
 * file, for errors) and checks that the kit can read the samples it describes.
 */
export function parseWavFormat(file: string, view: DataView, at: number, size: number, offset: number): WavFormat {
  if (size < 16) throw new FormatError(file, `WAV: fmt chunk of ${size} bytes; expected at least 16`, { offset });
  const formatTag = view.getUint16(at, true);
  const channels = view.getUint16(at + 2, true);
  const sampleRate = view.getUint32(at + 4, true);
  const blockAlign = view.getUint16(at + 12, true);
  const bitsPerSample = view.getUint16(at + 14, true);
  if (channels === 0) throw new FormatError(file, 'WAV: fmt chunk says 0 channels; expected at least 1', { offset: offset + 2 });
  if (sampleRate === 0) throw new FormatError(file, 'WAV: fmt chunk says a sample rate of 0 Hz; expected > 0', { offset: offset + 4 });

  let code = formatTag;
  let validBitsPerSample = bitsPerSample;
  let channelMask = 0;
  const extensible = formatTag === WAVE_FORMAT_EXTENSIBLE;
  if (extensible) {
    const cbSize = size >= 18 ? view.getUint16(at + 16, true) : 0;
    if (size < 40 || cbSize < 22) {
      throw new FormatError(file, `WAV: extensible fmt chunk of ${size} bytes (extension ${cbSize}); expected 40 bytes (extension 22)`, { offset });
    }
    validBitsPerSample = view.getUint16(at + 18, true) || bitsPerSample;
    channelMask = view.getUint32(at + 20, true);
    code = view.getUint32(at + 24, true);
    for (let i = 0; i < KSDATAFORMAT_TAIL.length; i++) {
      if (view.getUint8(at + 28 + i) !== KSDATAFORMAT_TAIL[i]) {
        throw new FormatError(file, `WAV: extensible sub-format GUID ${guidText(view, at + 24)} is not a standard KSDATAFORMAT subtype; ${EXPECTED}`, {
          offset: offset + 24,
        });
      }
    }
  }

  const encoding = encodingFor(code, bitsPerSample);
  if (!encoding) {
    const what = extensible ? `extensible sub-format ${code} (${formatTagName(code)})` : `format ${code} (${formatTagName(code)})`;
    throw new FormatError(file, `WAV: unsupported ${what} with ${bitsPerSample} bits; ${EXPECTED}`, { offset });
  }
  const expectedAlign = (channels * bitsPerSample) / 8;
  if (blockAlign !== expectedAlign) {
    throw new FormatError(
      file,
      `WAV: block align ${blockAlign} bytes; expected ${expectedAlign} (${channels} channels x ${bitsPerSample / 8} bytes)`,
      { offset: offset + 12 },
    );
  }
  return { formatTag, extensible, encoding, channels, sampleRate, blockAlign, bitsPerSample, validBitsPerSample, channelMask };
}

function encodingFor(code: number, bits: number): SampleEncoding | undefined {
  if (code === WAVE_FORMAT_PCM) {
    if (bits === 8) return 'pcm8';
    if (bits === 16) return 'pcm16';
    if (bits === 24) return 'pcm24';
    if (bits === 32) return 'pcm32';
  }
  if (code === WAVE_FORMAT_IEEE_FLOAT) {
    if (bits === 32) return 'float32';
    if (bits === 64) return 'float64';
  }
  return undefined;
}

function guidText(view: DataView, at: number): string {
  const hex = (from: number, to: number): string => {
    let s = '';
    for (let i = from; i < to; i++) s += view.getUint8(at + i).toString(16).padStart(2, '0');
    return s;
  };
  const d1 = view.getUint32(at, true).toString(16).padStart(8, '0');
  const d2 = view.getUint16(at + 4, true).toString(16).padStart(4, '0');
  const d3 = view.getUint16(at + 6, true).toString(16).padStart(4, '0');
  return `${d1}-${d2}-${d3}-${hex(8, 10)}-${hex(10, 16)}`;
}
