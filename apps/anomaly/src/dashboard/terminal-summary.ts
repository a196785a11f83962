import { ParameterError, requireInteger } from '@sensorkit/dsp';
import type { AlertEvent, HealthState, MachineSnapshot } from '../contracts.js';
import { DEFAULT_LEVELS, resolveLevels, type HealthLevels } from './dashboard-options.js';

/*
 * The demo's terminal view: one line per machine, the same number of lines on every call, so a
 * caller can redraw in place (move the cursor up by lines.length and print again).
 */

export interface TerminalSummaryOptions {
  /** health levels of the bar (default warning 0.8, alarm 1) */
  levels?: HealthLevels;
  /** characters inside the health bar's brackets (default 20) */
  barWidth?: number;
  /** ANSI colours for the state column (default false: plain text for logs and pipes) */
  color?: boolean;
  /** cut every line to this many visible characters (default: no limit) */
  width?: number;
}

const STATES: readonly HealthState[] = ['normal', 'warning', 'alarm'];
const ANSI: Record<HealthState, string> = { normal: '\u001b[32m', warning: '\u001b[33m', alarm: '\u001b[1;31m' };
const RESET = '\u001b[0m';

/**
 * Renders snapshots (one per machine, in the order given) and the alert log as a header plus one
 * line per machine: name, state, health bar over 0..1.5 x alarm level with `|` at the alarm level,
 * health, score / threshold, and the machine's last alert.
 *
 * @example
 * for (const line of renderTerminalSummary([fan, pump], alerts)) console.log(line);
 * // machine  state    health                       score / threshold  last alert
 * // fan      NORMAL   [###..........|......] 0.21  0.63 / 3.00        -
 * // pump-2   WARNING  [###########..|......] 0.86  2.71 / 3.15        41.0 s normal -> warning (kurtosis +6.2σ)
 */
export function renderTerminalSummary(
  snapshots: readonly MachineSnapshot[],
  alerts: readonly AlertEvent[] = [],
  options: TerminalSummaryOptions = {},
): string[] {
  const levels = resolveLevels(options.levels ?? DEFAULT_LEVELS);
  const barWidth = requireInteger('terminal-summary', 'barWidth', options.barWidth ?? 20, 4, 200);
  const width = options.width === undefined ? Infinity : requireInteger('terminal-summary', 'width', options.width, 20, 10_000);
  const color = options.color ?? false;
  if (typeof color !== 'boolean') throw new ParameterError('terminal-summary', 'color', color, 'true or false');

  const lastAlert = new Map<string, AlertEvent>();
  for (const event of alerts) lastAlert.set(event.machine, event);

  const rows = snapshots.map((s) => ({
    state: s.state,
    cells: [
      s.machine,
      s.state.toUpperCase(),
      `${healthBar(s.health, levels.alarm, barWidth)} ${formatNumber(s.health)}`,
      `${formatNumber(s.score)} / ${formatNumber(s.threshold)}`,
      describeAlert(lastAlert.get(s.machine)),
    ],
  }));
  const header = ['machine', 'state', 'health', 'score / threshold', 'last alert'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r.cells[c]!.length)));
  const lines = [layout(header, widths, width)];
  for (const row of rows) {
    const line = layout(row.cells, widths, width);
    lines.push(color ? colourState(line, row.cells, widths, row.state) : line);
  }
  return lines;
}

/**
 * A health bar of `width` cells over 0..1.5 x the alarm level: `#` filled, `.` empty, `|` marking the
 * alarm level where the bar has not reached it, `>` in the last cell when health is off the scale.
 */
export function healthBar(health: number, alarm: number, width: number): string {
  const scale = alarm * 1.5;
  const filled = Math.max(0, Math.min(width, Math.round((health / scale) * width)));
  const alarmCell = Math.min(width - 1, Math.round((alarm / scale) * width));
  let bar = '';
  for (let i = 0; i < width; i++) bar += i < filled ? '#' : i === alarmCell ? '|' : '.';
  if (health > scale) bar = `${bar.slice(0, -1)}>`;
  return `[${bar}]`;
}

/** "41.0 s normal -> warning (kurtosis +6.2σ, bpfo +4.0σ)", or "-" without an alert. */
export function describeAlert(event: AlertEvent | undefined, maxReasons = 2): string {
  if (event === undefined) return '-';
  const reasons = event.deviations
    .slice(0, maxReasons)
    .map((d) => `${d.feature} ${d.z >= 0 ? '+' : ''}${d.z.toFixed(1)}σ`);
  return `${event.time.toFixed(1)} s ${event.from} -> ${event.to}${reasons.length ? ` (${reasons.join(', ')})` : ''}`;
}

function formatNumber(v: number): string {
  const a = Math.abs(v);
  if (a === 0) return '0';
  if (a >= 1000) return v.toFixed(0);
  if (a >= 100) return v.toFixed(1);
  if (a >= 0.01) return v.toFixed(2);
  if (a >= 0.001) return v.toFixed(3);
  return v.toExponential(1);
}

function layout(cells: readonly string[], widths: readonly number[], width: number): string {
  const line = cells
    .map((cell, c) => (c === cells.length - 1 ? cell : cell.padEnd(widths[c]!)))
    .join('  ')
    .trimEnd();
  return line.length > width ? `${line.slice(0, width - 1)}…` : line;
}

/** Wraps the state column in its colour; the column sits after the name column and two spaces. */
function colourState(line: string, cells: readonly string[], widths: readonly number[], state: HealthState): string {
  const start = widths[0]! + 2;
  const text = cells[1]!;
  if (line.length < start + text.length || !STATES.includes(state)) return line;
  return `${line.slice(0, start)}${ANSI[state]}${text}${RESET}${line.slice(start + text.length)}`;
}
