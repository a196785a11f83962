import { ParameterError, rejectUnknownOptions, requireInRange, requireInteger, requirePositive } from '@sensorkit/dsp';
import type { AlertEvent, Deviation, HealthState, WindowScore } from '../contracts.js';

/** How scores become a health index and states. Times in s; levels in units of the threshold. */
export interface HealthOptions {
  /** EMA time constant of the smoothed score, s; 0 = no smoothing; default 1 */
  timeConstant?: number;
  /** health entering warning; default 0.8 */
  warning?: number;
  /** health entering alarm; default 1 */
  alarm?: number;
  /** a state is left only once health falls this far below its entry level; default 0.1 */
  hysteresis?: number;
  /** least time in a state before it may be left for a lower one, s; default 2 */
  minDwell?: number;
  /** deviating features named in each window and alert; default 3 */
  topFeatures?: number;
}

export type ResolvedHealthOptions = Required<HealthOptions>;

const BLOCK = 'health';
const RANK: Record<HealthState, number> = { normal: 0, warning: 1, alarm: 2 };

/** Checks health options and fills in the defaults. */
export function resolveHealthOptions(options: HealthOptions = {}): ResolvedHealthOptions {
  rejectUnknownOptions(BLOCK, options, ['timeConstant', 'warning', 'alarm', 'hysteresis', 'minDwell', 'topFeatures']);
  const timeConstant = requireInRange(BLOCK, 'timeConstant', options.timeConstant ?? 1, 0, 3600, { hint: 's' });
  const alarm = requirePositive(BLOCK, 'alarm', options.alarm ?? 1);
  const warning = requireInRange(BLOCK, 'warning', options.warning ?? 0.8, 0, alarm, { minExclusive: true, hint: `at most alarm = ${alarm}` });
  const hysteresis = requireInRange(BLOCK, 'hysteresis', options.hysteresis ?? 0.1, 0, warning, { maxExclusive: true, hint: `below warning = ${warning}` });
  const minDwell = requireInRange(BLOCK, 'minDwell', options.minDwell ?? 2, 0, 86400, { hint: 's' });
  const topFeatures = requireInteger(BLOCK, 'topFeatures', options.topFeatures ?? 3, 0, 100);
  return { timeConstant, warning, alarm, hysteresis, minDwell, topFeatures };
}

/**
 * Health index and state machine of one machine. health = EMA(score) / threshold with a time constant
 * in seconds (irregular window times handled exactly: alpha = 1 - exp(-dt / tau)). States rise at once
 * (normal -> warning at `warning`, -> alarm at `alarm`) but fall only when health drops `hysteresis`
 * below the level that raised them, and only after `minDwell` s in the state, so a score hovering at
 * the threshold cannot chatter. Every change of state is an AlertEvent.
 * @example
 * const monitor = new HealthMonitor('pump-1', model.threshold);
 * const { window, alert } = monitor.update(time, score, () => detector.explain(row));
 */
export class HealthMonitor {
  readonly options: ResolvedHealthOptions;
  private smoothed: number | undefined;
  private lastTime = 0;
  private current: HealthState = 'normal';
  private since = 0;

  constructor(
    readonly machine: string,
    readonly threshold: number,
    options: HealthOptions = {},
  ) {
    if (!(threshold > 0) || !Number.isFinite(threshold)) throw new ParameterError(BLOCK, 'threshold', threshold, 'a finite score > 0');
    this.options = resolveHealthOptions(options);
  }

  get state(): HealthState {
    return this.current;
  }

  /** Feeds one window's score (time in s, increasing); `explain` is called for the deviating features. */
  update(time: number, score: number, explain: () => Deviation[]): { window: WindowScore; alert?: AlertEvent } {
    const tau = this.options.timeConstant;
    if (this.smoothed === undefined || tau === 0) {
      this.smoothed = score;
    } else {
      const alpha = 1 - Math.exp(-Math.max(0, time - this.lastTime) / tau);
      this.smoothed += alpha * (score - this.smoothed);
    }
    this.lastTime = time;
    const health = this.smoothed / this.threshold;
    const next = this.nextState(health, time);
    const deviations = this.options.topFeatures > 0 ? explain().slice(0, this.options.topFeatures) : [];
    const window: WindowScore = { machine: this.machine, time, score, health, state: next, deviations };
    if (next === this.current) return { window };
    const from = this.current;
    this.current = next;
    this.since = time;
    return { window, alert: { machine: this.machine, time, from, to: next, score, deviations, message: alertMessage(this.machine, time, from, next, health, deviations) } };
  }

  /** Back to a fresh start: normal, nothing smoothed. */
  reset(): void {
    this.smoothed = undefined;
    this.lastTime = 0;
    this.current = 'normal';
    this.since = 0;
  }

  private nextState(health: number, time: number): HealthState {
    const { warning, alarm, hysteresis, minDwell } = this.options;
    const entered: HealthState = health >= alarm ? 'alarm' : health >= warning ? 'warning' : 'normal';
    if (RANK[entered] > RANK[this.current]) return entered;
    if (time - this.since < minDwell) return this.current;
    const released: HealthState = health < warning - hysteresis ? 'normal' : health < alarm - hysteresis ? 'warning' : 'alarm';
    return RANK[released] < RANK[this.current] ? released : this.current;
  }
}

/** One line for an operator: what changed, when, how far, and why. */
export function alertMessage(machine: string, time: number, from: HealthState, to: HealthState, health: number, deviations: readonly Deviation[]): string {
  const why = deviations.map((d) => `${d.feature} ${d.z >= 0 ? '+' : ''}${d.z.toFixed(1)} sd`).join(', ');
  return `${machine}: ${from} -> ${to} at ${time.toFixed(2)} s (health ${health.toFixed(2)})${why ? `; most deviating: ${why}` : ''}`;
}
