import { InputError } from '@sensorkit/dsp';
import type { AlertEvent, HealthState, MachineSnapshot } from '../contracts.js';
import type { HealthLevels, ResolvedDashboardOptions } from './dashboard-options.js';
import { checkAlert, checkSnapshot } from './snapshot-check.js';
import { cropSpectrum, reduceSpectrum, roundSignificant, type Spectrum } from './spectrum-reduce.js';

/*
 * What the dashboard remembers, with no I/O: the latest snapshot of each machine, a short health
 * history per machine, and the last alerts. Everything is bounded by the options, so a demo left
 * running for a week holds as much as one left running for a minute.
 */

/** One point of the health chart: [snapshot time (s), health index]. */
export type HealthPoint = [number, number];

/** Everything a client needs on connect. */
export interface DashboardState {
  title: string;
  levels: HealthLevels;
  historySeconds: number;
  machines: MachineSnapshot[];
  history: Record<string, HealthPoint[]>;
  alerts: AlertEvent[];
}

/** The envelope spectrum is shown up to this multiple of the highest marker (2x BPFI stays in view). */
export const ENVELOPE_SPAN = 2.5;

/** Bounded in-memory state of a dashboard (pure: no sockets, no timers). */
export class DashboardStore {
  private readonly latest = new Map<string, MachineSnapshot>();
  private readonly histories = new Map<string, HealthPoint[]>();
  private readonly alertLog: AlertEvent[] = [];

  constructor(private readonly settings: ResolvedDashboardOptions) {}

  /** Checks a snapshot, reduces its spectra for display, remembers it and returns what clients get. */
  publish(snapshot: MachineSnapshot): MachineSnapshot {
    checkSnapshot(snapshot);
    const { maxMachines } = this.settings;
    if (!this.latest.has(snapshot.machine) && this.latest.size >= maxMachines) {
      throw new InputError(
        'dashboard',
        `snapshot of "${snapshot.machine}" would be machine ${maxMachines + 1}; at most ${maxMachines} machines (maxMachines)`,
      );
    }
    const shown = this.prepare(snapshot);
    this.latest.set(shown.machine, shown);
    this.record(shown.machine, shown.time, shown.health);
    return shown;
  }

  /** Checks an alert, appends it to the log (dropping the oldest beyond maxAlerts) and returns it. */
  alert(event: AlertEvent): AlertEvent {
    checkAlert(event);
    const kept: AlertEvent = {
      machine: event.machine,
      time: event.time,
      from: event.from,
      to: event.to,
      score: event.score,
      deviations: event.deviations.map((d) => ({ feature: d.feature, z: d.z })),
      message: event.message,
    };
    this.alertLog.push(kept);
    if (this.alertLog.length > this.settings.maxAlerts) this.alertLog.splice(0, this.alertLog.length - this.settings.maxAlerts);
    return kept;
  }

  /** The state a newly connected client starts from. */
  state(): DashboardState {
    return {
      title: this.settings.title,
      levels: this.settings.levels,
      historySeconds: this.settings.historySeconds,
      machines: [...this.latest.values()],
      history: Object.fromEntries([...this.histories].map(([name, points]) => [name, points.slice()])),
      alerts: this.alertLog.slice(),
    };
  }

  /** Current state of every machine, in first-published order. */
  states(): Record<string, HealthState> {
    return Object.fromEntries([...this.latest.values()].map((s) => [s.machine, s.state]));
  }

  /** Number of alerts held. */
  get alertCount(): number {
    return this.alertLog.length;
  }

  private record(machine: string, time: number, health: number): void {
    let points = this.histories.get(machine);
    const last = points?.[points.length - 1];
    // A machine whose time goes backwards was restarted: its old history would draw a scribble.
    if (points === undefined || (last !== undefined && time < last[0])) {
      points = [];
      this.histories.set(machine, points);
    }
    points.push([time, roundSignificant(health, 5)]);
    const oldest = time - this.settings.historySeconds;
    let drop = Math.max(0, points.length - this.settings.historyPoints);
    while (drop < points.length - 1 && points[drop]![0] < oldest) drop++;
    if (drop > 0) points.splice(0, drop);
  }

  private prepare(s: MachineSnapshot): MachineSnapshot {
    const { maxSpectrumPoints } = this.settings;
    const markers = Object.fromEntries(Object.entries(s.markers));
    const spectrum = rounded(reduceSpectrum(s.spectrumHz, s.spectrumDb, maxSpectrumPoints));
    let envelope: Spectrum = { hz: Array.from(s.envelopeHz), values: Array.from(s.envelope) };
    const highest = Math.max(0, ...Object.values(markers));
    if (highest > 0) envelope = cropSpectrum(envelope, 0, highest * ENVELOPE_SPAN);
    envelope = rounded(reduceSpectrum(envelope.hz, envelope.values, maxSpectrumPoints));
    return {
      machine: s.machine,
      time: s.time,
      score: s.score,
      threshold: s.threshold,
      health: s.health,
      state: s.state,
      spectrumHz: spectrum.hz,
      spectrumDb: spectrum.values,
      envelopeHz: envelope.hz,
      envelope: envelope.values,
      markers,
    };
  }
}

function rounded(spectrum: Spectrum): Spectrum {
  return {
    hz: spectrum.hz.map((f) => roundSignificant(f, 6)),
    values: spectrum.values.map((v) => roundSignificant(v, 4)),
  };
}
