import type { AxisView, MonitorState } from './monitor-model.js';

const BLOCKS = '▁▂▃▄▅▆▇█';
/** dBFS shown for silence (an RMS of 0 has no logarithm) and the floor of audio sparklines. */
const FLOOR_DB = -90;

/**
 * One character per value, ▁ for `lo` up to █ for `hi`; a flat series (hi = lo) sits in the middle.
 * @example
 * sparkline([0, 0.5, 1], 0, 1); // '▁▅█'
 */
export function sparkline(values: readonly number[], lo: number, hi: number): string {
  let out = '';
  for (const v of values) {
    const level = hi > lo ? Math.round(((Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo)) * (BLOCKS.length - 1)) : 3;
    out += BLOCKS[level];
  }
  return out;
}

/** RMS as dB relative to full scale (1.0), floored at -90 dBFS. */
export function toDbfs(rms: number): number {
  return rms > 0 ? Math.max(FLOOR_DB, 20 * Math.log10(rms)) : FLOOR_DB;
}

/** Compact fixed-width number: 4 significant digits, exponent form when very large or small. */
export function formatReading(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e5 || a < 1e-3)) return v.toExponential(2);
  return v.toFixed(a >= 1000 ? 0 : a >= 100 ? 1 : a >= 10 ? 2 : 3);
}

/** The sparkline of an axis: bucket means between the window's min and max, or RMS in dBFS for audio. */
function axisSparkline(axis: AxisView, kind: MonitorState['kind']): string {
  if (kind === 'audio') return sparkline(axis.history.map((b) => toDbfs(b.rms)), -60, 0);
  return sparkline(axis.history.map((b) => b.mean), axis.min, axis.max);
}

function rateText(state: MonitorState): string {
  return state.sampleRate === undefined ? 'rate ?' : `${Number(state.sampleRate.toPrecision(6))} Hz`;
}

/**
 * The full-screen view (a TTY redraws it in place): title, rate and axes, one row per axis with value,
 * min/max and a sparkline of the last seconds, audio levels, problem counters, recent events.
 * @example
 * for (const line of renderMonitor(model.state(source.stats()))) console.log(line);
 */
export function renderMonitor(state: MonitorState): string[] {
  const lines = [
    `sensorkit monitor  ${state.source}  [${state.connection}]`,
    `${rateText(state)}  ${state.axes.length} ${state.axes.length === 1 ? 'axis' : 'axes'}  t ${state.seconds.toFixed(2)} s  ${state.readings} readings`,
  ];
  if (state.axes.length > 0) {
    const width = Math.max(4, ...state.axes.map((a) => a.name.length));
    const what = state.kind === 'audio' ? 'dBFS' : 'mean';
    lines.push(`${'axis'.padEnd(width)}  ${'value'.padStart(9)}  ${'min'.padStart(9)}  ${'max'.padStart(9)}  last ${state.historySeconds} s (${what})`);
    for (const a of state.axes) {
      lines.push(`${a.name.padEnd(width)}  ${formatReading(a.current).padStart(9)}  ${formatReading(a.min).padStart(9)}  ${formatReading(a.max).padStart(9)}  ${axisSparkline(a, state.kind)}`);
    }
    if (state.kind === 'audio') {
      lines.push(`level  ${state.axes.map((a) => `${a.name} ${toDbfs(a.rms).toFixed(1)} dBFS (rms ${formatReading(a.rms)})`).join('  ')}`);
    }
  }
  lines.push(problems(state));
  for (const message of state.events) lines.push(`event: ${message}`);
  return lines;
}

function problems(state: MonitorState): string {
  return `bad lines ${state.badLines}  dropped ${state.dropped}  gaps ${state.gaps} (${state.gapSamples} samples)  reconnects ${state.reconnects}`;
}

/**
 * One line for logs and pipes (a non-TTY gets one per second of signal): time, rate, each axis' value
 * and range (and level for audio), problem counters, connection state.
 * @example
 * renderMonitorLine(state); // 't 1.00 s  16000 Hz  ch0 0.000 [-0.500 .. 0.500] -9.0 dBFS  bad 0  dropped 0  gaps 0  connected'
 */
export function renderMonitorLine(state: MonitorState): string {
  const axes = state.axes.map((a) => {
    const level = state.kind === 'audio' ? ` ${toDbfs(a.rms).toFixed(1)} dBFS` : '';
    return `${a.name} ${formatReading(a.current)} [${formatReading(a.min)} .. ${formatReading(a.max)}]${level}`;
  });
  return [`t ${state.seconds.toFixed(2)} s`, rateText(state), ...axes, `bad ${state.badLines}`, `dropped ${state.dropped}`, `gaps ${state.gaps}`, state.connection].join('  ');
}
