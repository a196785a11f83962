import { errorCodeName } from './protocol.js';

/*
 * Payload layouts of the replies (little-endian, as firmware/sk_proto.h writes them) and of the
 * requests that carry arguments.
 */

/** One tensor as HELLO describes it: [height, width, channels], int8, real = scale * (q - zeroPoint). */
export interface TensorInfo {
  shape: [number, number, number];
  dtype: 'int8';
  scale: number;
  zeroPoint: number;
  /** bytes (= elements for int8) */
  size: number;
}

/** What the board says about itself and its model in reply to HELLO. */
export interface BoardInfo {
  protocolVersion: number;
  /** the model's name and a hash of its int8 description, so the host can tell it has the board it expects */
  modelId: string;
  /** the firmware's target (host, qemu-mps2-an386, ...) */
  target: string;
  firmwareVersion: string;
  input: TensorInfo;
  output: TensorInfo;
  /** bytes of the activation arena */
  arenaBytes: number;
  /** rate of the counter INFER reports (the CPU clock on a board; 1e9 for nanoseconds on the host) */
  counterHz: number;
  maxPayload: number;
}

const DTYPES: Record<number, 'int8'> = { 1: 'int8' };

class Reader {
  private at = 0;
  private readonly view: DataView;
  constructor(
    private readonly bytes: Uint8Array,
    private readonly what: string,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  private need(n: number): void {
    if (this.at + n > this.bytes.length) throw new RangeError(`${this.what}: payload of ${this.bytes.length} bytes ends inside a field at byte ${this.at}`);
  }
  u8(): number {
    this.need(1);
    return this.bytes[this.at++]!;
  }
  u16(): number {
    this.need(2);
    const v = this.view.getUint16(this.at, true);
    this.at += 2;
    return v;
  }
  u32(): number {
    this.need(4);
    const v = this.view.getUint32(this.at, true);
    this.at += 4;
    return v;
  }
  i32(): number {
    this.need(4);
    const v = this.view.getInt32(this.at, true);
    this.at += 4;
    return v;
  }
  f32(): number {
    this.need(4);
    const v = this.view.getFloat32(this.at, true);
    this.at += 4;
    return v;
  }
  text(): string {
    const n = this.u8();
    this.need(n);
    const s = new TextDecoder().decode(this.bytes.subarray(this.at, this.at + n));
    this.at += n;
    return s;
  }
  rest(): Uint8Array {
    const r = this.bytes.slice(this.at);
    this.at = this.bytes.length;
    return r;
  }
}

function dtype(code: number): 'int8' {
  const d = DTYPES[code];
  if (!d) throw new RangeError(`HELLO: tensor dtype ${code}; expected 1 (int8)`);
  return d;
}

export function decodeHello(payload: Uint8Array): BoardInfo {
  const r = new Reader(payload, 'HELLO');
  const protocolVersion = r.u8();
  const inType = dtype(r.u8());
  const outType = dtype(r.u8());
  r.u8();
  const inShape: [number, number, number] = [r.u16(), r.u16(), r.u16()];
  const outShape: [number, number, number] = [r.u16(), r.u16(), r.u16()];
  const inScale = r.f32();
  const inZero = r.i32();
  const outScale = r.f32();
  const outZero = r.i32();
  const arenaBytes = r.u32();
  const counterHz = r.u32();
  const maxPayload = r.u32();
  const modelId = r.text();
  const target = r.text();
  const firmwareVersion = r.text();
  const tensor = (shape: [number, number, number], d: 'int8', scale: number, zeroPoint: number): TensorInfo => ({ shape, dtype: d, scale, zeroPoint, size: shape[0] * shape[1] * shape[2] });
  return { protocolVersion, modelId, target, firmwareVersion, input: tensor(inShape, inType, inScale, inZero), output: tensor(outShape, outType, outScale, outZero), arenaBytes, counterHz, maxPayload };
}

/** One inference on the board: its int8 output and the counter ticks sk_invoke took. */
export interface InferReply {
  output: Int8Array;
  ticks: number;
}

export function decodeInfer(payload: Uint8Array): InferReply {
  const r = new Reader(payload, 'INFER reply');
  const lo = r.u32();
  const hi = r.u32();
  const rest = r.rest();
  return { ticks: hi * 2 ** 32 + lo, output: new Int8Array(rest.buffer, rest.byteOffset, rest.length) };
}

/** The board's own count of what reached it damaged (see DecoderStats on the host). */
export interface BoardStats {
  frames: number;
  crcErrors: number;
  malformed: number;
  overflows: number;
  droppedBytes: number;
  textCommands: number;
}

export function decodeStats(payload: Uint8Array): BoardStats {
  const r = new Reader(payload, 'STATS reply');
  return { frames: r.u32(), crcErrors: r.u32(), malformed: r.u32(), overflows: r.u32(), droppedBytes: r.u32(), textCommands: r.u32() };
}

export interface ErrorReply {
  code: number;
  codeName: string;
  requestType: number;
  message: string;
}

export function decodeError(payload: Uint8Array): ErrorReply {
  const r = new Reader(payload, 'ERROR');
  const code = r.u8();
  const requestType = r.u8();
  return { code, codeName: errorCodeName(code), requestType, message: new TextDecoder().decode(r.rest()) };
}

/** STREAM_START arguments: samples per second, axes per line (1..6), lines to send (0: until STREAM_STOP). */
export function encodeStreamStart(rateHz: number, axes: number, count: number): Uint8Array {
  const out = new Uint8Array(9);
  const view = new DataView(out.buffer);
  view.setUint32(0, rateHz, true);
  out[4] = axes;
  view.setUint32(5, count, true);
  return out;
}

export function decodeU32(payload: Uint8Array, what: string): number {
  return new Reader(payload, what).u32();
}
