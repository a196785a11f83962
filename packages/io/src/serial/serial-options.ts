import {
  ParameterError,
  rejectUnknownOptions,
  requireFinite,
  requireInRange,
  requireInteger,
  requireOneOf,
  type PlanDescription,
  describe,
} from '@sensorkit/dsp';
import { emitIoWarning, type WarningHandler } from '../errors.js';
import type { OverflowPolicy } from '../live/live-source.js';
import { createNodeSerialPort } from './node-serial-port.js';
import type { SerialPortFactory } from './serial-port.js';
import type { StreamDetectorPlan } from './stream-detector.js';

/** Exponential backoff between reconnection attempts: initialDelayMs, then times factor, up to maxDelayMs. */
export interface ReconnectOptions {
  /** ms before the first attempt after a disconnect (default 100) */
  initialDelayMs?: number;
  /** ms, the longest wait between attempts (default 2000) */
  maxDelayMs?: number;
  /** growth of the wait per failed attempt (default 2) */
  factor?: number;
}

/** Options of openSerialSource. */
export interface SerialSourceOptions {
  /** device path (`/dev/ttyACM0`, `COM3`, a pty link); see resolvePort for 'auto' */
  path: string;
  /** bits/s (default 115200) */
  baudRate?: number;
  /** Hz; given: not detected */
  sampleRate?: number;
  /** axis names, or their count; given: not detected */
  axes?: readonly string[] | number;
  /** when the consumer falls behind: drop the oldest readings, or pause the port (default 'drop-oldest') */
  overflow?: OverflowPolicy;
  /** readings held at most, queued and being grouped (default 16384) */
  maxBufferedReadings?: number;
  /** most readings per chunk (default 256) */
  chunkReadings?: number;
  /** ms: a chunk is sent at the latest this long after its first reading arrived (default 50) */
  chunkIntervalMs?: number;
  /** backoff between reconnection attempts, or false to end the stream at the first disconnect */
  reconnect?: ReconnectOptions | false;
  /** ms allowed for one open attempt (default 5000) */
  openTimeoutMs?: number;
  /** ms allowed for closing the port (default 2000) */
  closeTimeoutMs?: number;
  /** longest line in bytes; longer lines are dropped and counted (default 1024) */
  maxLineBytes?: number;
  /** most values per line (default 64) */
  maxValues?: number;
  /** rate window: at least this many readings (default 10) ... */
  rateWindowReadings?: number;
  /** ... over at least this many seconds (default 2) */
  rateWindowSeconds?: number;
  /** relative rate change that re-detects the rate (default 0.02) */
  rateTolerance?: number;
  /** lines of a new value count that set or change the axes (default 4) */
  axisConfirmLines?: number;
  /** makes ports; default the real `serialport` binding */
  port?: SerialPortFactory;
  /** monotonic clock in ms (default performance.now); tests drive it */
  clock?: () => number;
  /** where problems worked around go (default process.emitWarning) */
  onWarning?: WarningHandler;
}

/** Checked options with defaults filled in. */
export interface SerialSourcePlan extends StreamDetectorPlan {
  readonly path: string;
  readonly baudRate: number;
  readonly overflow: OverflowPolicy;
  readonly maxBufferedReadings: number;
  readonly chunkReadings: number;
  readonly chunkIntervalMs: number;
  readonly reconnect: Required<ReconnectOptions> | false;
  readonly openTimeoutMs: number;
  readonly closeTimeoutMs: number;
  readonly maxLineBytes: number;
  readonly port: SerialPortFactory;
  readonly clock: () => number;
  readonly onWarning: WarningHandler;
  readonly description: PlanDescription<Record<string, unknown>>;
}

const BLOCK = 'serial';
const KNOWN = [
  'path', 'baudRate', 'sampleRate', 'axes', 'overflow', 'maxBufferedReadings', 'chunkReadings', 'chunkIntervalMs',
  'reconnect', 'openTimeoutMs', 'closeTimeoutMs', 'maxLineBytes', 'maxValues', 'rateWindowReadings',
  'rateWindowSeconds', 'rateTolerance', 'axisConfirmLines', 'port', 'clock', 'onWarning',
] as const;

function checkAxes(axes: unknown, maxValues: number): readonly string[] | number | undefined {
  if (axes === undefined) return undefined;
  if (typeof axes === 'number') return requireInteger(BLOCK, 'axes', axes, 1, maxValues, 'a count, or an array of names');
  const ok =
    Array.isArray(axes) &&
    axes.length >= 1 &&
    axes.length <= maxValues &&
    axes.every((a) => typeof a === 'string' && a.length > 0) &&
    new Set(axes).size === axes.length;
  if (!ok) throw new ParameterError(BLOCK, 'axes', axes, `1..${maxValues} distinct non-empty names, or a count`);
  return Object.freeze([...(axes as string[])]);
}

function checkReconnect(reconnect: unknown): Required<ReconnectOptions> | false {
  if (reconnect === false) return false;
  const r = (reconnect ?? {}) as ReconnectOptions;
  if (typeof r !== 'object') throw new ParameterError(BLOCK, 'reconnect', reconnect, 'false or { initialDelayMs, maxDelayMs, factor }');
  rejectUnknownOptions(BLOCK, r, ['initialDelayMs', 'maxDelayMs', 'factor']);
  const initialDelayMs = requireInRange(BLOCK, 'reconnect.initialDelayMs', r.initialDelayMs ?? 100, 0, 600_000, { hint: 'ms' });
  const maxDelayMs = requireInRange(BLOCK, 'reconnect.maxDelayMs', r.maxDelayMs ?? Math.max(2000, initialDelayMs), initialDelayMs, 600_000, {
    hint: 'ms, >= initialDelayMs',
  });
  const factor = requireInRange(BLOCK, 'reconnect.factor', r.factor ?? 2, 1, 10);
  return Object.freeze({ initialDelayMs, maxDelayMs, factor });
}

/**
 * Checks serial source options and fills in defaults; a mistake throws a ParameterError naming the
 * option, its value and the accepted range.
 * @example
 * createSerialSourcePlan({ path: '/dev/ttyACM0', chunkReadings: 0 });
 * // ParameterError: serial: chunkReadings = 0; expected an integer in 1..65536
 */
export function createSerialSourcePlan(options: SerialSourceOptions): SerialSourcePlan {
  if (typeof options !== 'object' || options === null) throw new ParameterError(BLOCK, 'options', options, 'an object with at least { path }');
  rejectUnknownOptions(BLOCK, options, KNOWN);
  if (typeof options.path !== 'string' || options.path.length === 0) {
    throw new ParameterError(BLOCK, 'path', options.path, "a device path such as '/dev/ttyACM0' (resolvePort('auto') finds one)");
  }
  const baudRate = requireInteger(BLOCK, 'baudRate', options.baudRate ?? 115200, 50, 20_000_000, 'bits/s');
  const sampleRate =
    options.sampleRate === undefined ? undefined : requireInRange(BLOCK, 'sampleRate', options.sampleRate, 0, 1e6, { minExclusive: true, hint: 'Hz' });
  const maxValues = requireInteger(BLOCK, 'maxValues', options.maxValues ?? 64, 1, 4096);
  const axes = checkAxes(options.axes, maxValues);
  const overflow = requireOneOf(BLOCK, 'overflow', options.overflow ?? 'drop-oldest', ['drop-oldest', 'pause'] as const);
  const chunkReadings = requireInteger(BLOCK, 'chunkReadings', options.chunkReadings ?? 256, 1, 65536);
  const axisConfirmLines = requireInteger(BLOCK, 'axisConfirmLines', options.axisConfirmLines ?? 4, 1, 64);
  const minBuffer = 2 * chunkReadings + axisConfirmLines;
  const maxBufferedReadings = requireInteger(
    BLOCK,
    'maxBufferedReadings',
    options.maxBufferedReadings ?? Math.max(16384, minBuffer),
    minBuffer,
    1 << 26,
    'readings; at least 2 * chunkReadings + axisConfirmLines',
  );
  const chunkIntervalMs = requireInRange(BLOCK, 'chunkIntervalMs', options.chunkIntervalMs ?? 50, 1, 60_000, { hint: 'ms' });
  const openTimeoutMs = requireInRange(BLOCK, 'openTimeoutMs', options.openTimeoutMs ?? 5000, 1, 600_000, { hint: 'ms' });
  const closeTimeoutMs = requireInRange(BLOCK, 'closeTimeoutMs', options.closeTimeoutMs ?? 2000, 1, 600_000, { hint: 'ms' });
  const maxLineBytes = requireInteger(BLOCK, 'maxLineBytes', options.maxLineBytes ?? 1024, 8, 1 << 20, 'bytes');
  const minWindowReadings = requireInteger(BLOCK, 'rateWindowReadings', options.rateWindowReadings ?? 10, 3, 1 << 24);
  const minWindowSeconds = requireInRange(BLOCK, 'rateWindowSeconds', options.rateWindowSeconds ?? 2, 0, 3600, { minExclusive: true, hint: 's' });
  const rateTolerance = requireInRange(BLOCK, 'rateTolerance', options.rateTolerance ?? 0.02, 0, 1, { minExclusive: true, maxExclusive: true });
  const reconnect = checkReconnect(options.reconnect);
  for (const name of ['port', 'clock', 'onWarning'] as const) {
    if (options[name] !== undefined && typeof options[name] !== 'function') throw new ParameterError(BLOCK, name, options[name], 'a function');
  }
  const clock = options.clock ?? ((): number => performance.now());
  requireFinite(BLOCK, 'clock()', clock());
  const description = describe(BLOCK, 1, {
    path: options.path, baudRate, sampleRate, axes, overflow, maxBufferedReadings, chunkReadings, chunkIntervalMs, reconnect,
    openTimeoutMs, closeTimeoutMs, maxLineBytes, maxValues, minWindowReadings, minWindowSeconds, rateTolerance, axisConfirmLines,
  } as Record<string, unknown>);
  return {
    path: options.path,
    baudRate,
    sampleRate,
    axes,
    overflow,
    maxBufferedReadings,
    chunkReadings,
    chunkIntervalMs,
    reconnect,
    openTimeoutMs,
    closeTimeoutMs,
    maxLineBytes,
    maxValues,
    minWindowReadings,
    minWindowSeconds,
    rateTolerance,
    axisConfirmLines,
    port: options.port ?? createNodeSerialPort,
    clock,
    onWarning: options.onWarning ?? emitIoWarning,
    description,
  };
}

/** Wait before reconnection attempt `attempt` (0-based), in ms: initialDelayMs * factor^attempt, capped. */
export function reconnectDelay(reconnect: Required<ReconnectOptions>, attempt: number): number {
  return Math.min(reconnect.maxDelayMs, reconnect.initialDelayMs * reconnect.factor ** attempt);
}
