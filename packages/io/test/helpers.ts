import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRandom } from '@sensorkit/dsp';

/** Folder of the committed fixtures (made by scripts/make_fixtures.py). */
export const fixturesDir = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** A scratch folder for one test file; call the returned cleanup in afterAll. */
export function scratchDir(): { dir: string; path(name: string): string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'sensorkit-io-'));
  return { dir, path: (name) => join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Deterministic uniform PRNG so generated signals and chunkings repeat run after run. */
export function rng(seed: number): () => number {
  return createRandom(seed).uniform;
}

/** Collects an async iterable. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** Concatenates the samples of chunks. */
export function concatSamples(chunks: readonly { samples: Float32Array }[]): Float32Array {
  const out = new Float32Array(chunks.reduce((n, c) => n + c.samples.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c.samples, at);
    at += c.samples.length;
  }
  return out;
}

/* Hand-built RIFF bytes for the malformed-file tests. */

const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

function u32(value: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, value, true);
  return b;
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A chunk: id, size (declared, default the payload length), payload, pad byte when odd (unless `pad` false). */
export function riffChunk(id: string, payload: Uint8Array, options: { declared?: number; pad?: boolean } = {}): Uint8Array {
  const pad = (options.pad ?? true) && payload.length % 2 === 1 ? new Uint8Array(1) : new Uint8Array(0);
  return concatBytes(ascii(id), u32(options.declared ?? payload.length), payload, pad);
}

/** A plain 16-byte fmt payload. */
export function fmtPayload(o: { tag?: number; channels?: number; rate?: number; bits?: number; align?: number }): Uint8Array {
  const tag = o.tag ?? 1;
  const channels = o.channels ?? 1;
  const rate = o.rate ?? 8000;
  const bits = o.bits ?? 16;
  const align = o.align ?? (channels * bits) / 8;
  const b = new Uint8Array(16);
  const v = new DataView(b.buffer);
  v.setUint16(0, tag, true);
  v.setUint16(2, channels, true);
  v.setUint32(4, rate, true);
  v.setUint32(8, rate * align, true);
  v.setUint16(12, align, true);
  v.setUint16(14, bits, true);
  return b;
}

/** RIFF/WAVE file bytes from chunks; `riffSize` default = the true size. */
export function riffFile(chunks: Uint8Array[], options: { magic?: string; form?: string; riffSize?: number } = {}): Uint8Array {
  const body = concatBytes(ascii(options.form ?? 'WAVE'), ...chunks);
  return concatBytes(ascii(options.magic ?? 'RIFF'), u32(options.riffSize ?? body.length), body);
}

/** int16 little-endian bytes. */
export function int16Bytes(values: number[]): Uint8Array {
  const b = new Uint8Array(values.length * 2);
  const v = new DataView(b.buffer);
  values.forEach((x, i) => v.setInt16(i * 2, x, true));
  return b;
}

export function writeBytes(path: string, bytes: Uint8Array): string {
  writeFileSync(path, bytes);
  return path;
}
