import type { AlertEvent, HealthState } from '../contracts.js';
import type { MachineRunner } from './machine-runner.js';

/** How one machine's run went against its ground truth. */
export interface MachineOutcome {
  machine: string;
  fault: string;
  /** s: when the fault started, if it has one */
  onset?: number;
  /** s: first warning / alarm, at the end of the window that raised it (when the detector could know) */
  firstWarning?: number;
  firstAlarm?: number;
  /** alarms raised before the fault existed (or at all, on a healthy machine) */
  falseAlarms: number;
  finalState: HealthState;
  /** the demo's verdict: a faulty machine reached alarm after onset, a healthy one never did */
  correct: boolean;
  /** the run stopped before the fault's onset: nothing to detect yet */
  pending: boolean;
}

/** Folds the alerts of a run into one outcome per machine. */
export function outcomes(
  runners: readonly MachineRunner[],
  alerts: readonly AlertEvent[],
  finalStates: ReadonlyMap<string, HealthState>,
  windowSeconds: number,
  /** s of signal that ran */
  ranSeconds = Infinity,
): MachineOutcome[] {
  return runners.map((r) => {
    const mine = alerts.filter((a) => a.machine === r.name);
    const onset = r.truth.fault === 'none' ? undefined : r.truth.onset;
    // An alert's time is its window's start; the verdict exists at the window's end, and a window that
    // ended after the onset saw the fault.
    const end = (a: AlertEvent | undefined): number | undefined => (a === undefined ? undefined : a.time + windowSeconds);
    const firstWarning = end(mine.find((a) => a.to !== 'normal'));
    const firstAlarm = end(mine.find((a) => a.to === 'alarm'));
    const falseAlarms = mine.filter((a) => a.to === 'alarm' && (onset === undefined || a.time + windowSeconds <= onset)).length;
    const correct = onset === undefined ? falseAlarms === 0 : firstAlarm !== undefined && falseAlarms === 0;
    return {
      machine: r.name,
      fault: r.truth.fault,
      ...(onset !== undefined ? { onset } : {}),
      ...(firstWarning !== undefined ? { firstWarning } : {}),
      ...(firstAlarm !== undefined ? { firstAlarm } : {}),
      falseAlarms,
      finalState: finalStates.get(r.name) ?? 'normal',
      correct,
      pending: onset !== undefined && firstAlarm === undefined && ranSeconds < onset + windowSeconds,
    };
  });
}

/** The closing table the demo prints. */
export function formatOutcomes(list: readonly MachineOutcome[]): string[] {
  const t = (s: number | undefined): string => (s === undefined ? '-' : `${s.toFixed(1)} s`);
  return [
    'machine     fault         onset     warning   alarm     false alarms  final    verdict',
    ...list.map(
      (o) =>
        `${o.machine.padEnd(11)} ${o.fault.padEnd(13)} ${t(o.onset).padEnd(9)} ${t(o.firstWarning).padEnd(9)} ${t(o.firstAlarm).padEnd(9)} ` +
        `${String(o.falseAlarms).padEnd(13)} ${o.finalState.padEnd(8)} ${o.correct ? 'ok' : o.pending ? 'before onset' : 'MISSED'}`,
    ),
  ];
}
