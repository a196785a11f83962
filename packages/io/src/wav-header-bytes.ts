import { bytesPerSample, type WritableEncoding } from './sample-codec.js';
import { KSDATAFORMAT_TAIL, WAVE_FORMAT_EXTENSIBLE, WAVE_FORMAT_IEEE_FLOAT, WAVE_FORMAT_PCM } from './wav-format.js';

/** What the writer needs to know to emit a WAV header. */
export interface WavHeaderSpec {
  readonly encoding: WritableEncoding;
  readonly channels: number;
  /** Hz */
  readonly sampleRate: number;
  /** WAVE_FORMAT_EXTENSIBLE (required by the spec for > 2 channels or > 16 bits) instead of the plain tag */
  readonly extensible: boolean;
}

/** A header and where its size fields are, so a streaming writer can patch them on close. */
export interface WavHeaderBytes {
  readonly bytes: Uint8Array;
  /** offset of the RIFF size field (always 4) */
  readonly riffSizeOffset: number;
  /** offset of the data chunk's size field */
  readonly dataSizeOffset: number;
  /** offset of the fact chunk's frame count (float formats), or -1 */
  readonly factOffset: number;
  /** offset of the first sample */
  readonly dataStart: number;
}

/** The value streaming writers leave in size fields until they know the real size. */
export const SIZE_PLACEHOLDER = 0xffffffff;

/**
 * Builds a canonical WAV header: RIFF, `fmt ` (16 bytes for PCM, 18 for float, 40 for extensible),
 * `fact` for float formats (the spec requires it for non-PCM data) and the data chunk header. Sizes are
 * the placeholder 0xFFFFFFFF until patched, so a file whose writer died is still recognisably unfinished.
 * @example
 * const h = buildWavHeader({ encoding: 'pcm16', channels: 1, sampleRate: 16000, extensible: false }); // 44 bytes
 */
export function buildWavHeader(spec: WavHeaderSpec): WavHeaderBytes {
  const isFloat = spec.encoding === 'float32';
  const fmtSize = spec.extensible ? 40 : isFloat ? 18 : 16;
  const factSize = isFloat ? 12 : 0;
  const dataStart = 12 + 8 + fmtSize + factSize + 8;
  const bytes = new Uint8Array(dataStart);
  const view = new DataView(bytes.buffer);
  const text = (at: number, id: string): void => {
    for (let i = 0; i < 4; i++) bytes[at + i] = id.charCodeAt(i);
  };
  const sampleBytes = bytesPerSample(spec.encoding);
  const blockAlign = spec.channels * sampleBytes;
  const tag = isFloat ? WAVE_FORMAT_IEEE_FLOAT : WAVE_FORMAT_PCM;

  text(0, 'RIFF');
  view.setUint32(4, SIZE_PLACEHOLDER, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, fmtSize, true);
  view.setUint16(20, spec.extensible ? WAVE_FORMAT_EXTENSIBLE : tag, true);
  view.setUint16(22, spec.channels, true);
  view.setUint32(24, spec.sampleRate, true);
  view.setUint32(28, spec.sampleRate * blockAlign, true);
  view.setUint16(32, blockAlign, true);
  view.setUint16(34, sampleBytes * 8, true);
  if (fmtSize >= 18) view.setUint16(36, spec.extensible ? 22 : 0, true);
  if (spec.extensible) {
    view.setUint16(38, sampleBytes * 8, true);
    // Channel mask 0 = no speaker mapping: right for sensor axes, which are not loudspeakers.
    view.setUint32(40, 0, true);
    view.setUint32(44, tag, true);
    bytes.set(KSDATAFORMAT_TAIL, 48);
  }
  let at = 20 + fmtSize;
  let factOffset = -1;
  if (isFloat) {
    text(at, 'fact');
    view.setUint32(at + 4, 4, true);
    factOffset = at + 8;
    view.setUint32(factOffset, SIZE_PLACEHOLDER, true);
    at += 12;
  }
  text(at, 'data');
  view.setUint32(at + 4, SIZE_PLACEHOLDER, true);
  return { bytes, riffSizeOffset: 4, dataSizeOffset: at + 4, factOffset, dataStart };
}
