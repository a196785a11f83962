import { InputError } from '@sensorkit/dsp';
import type { AlertEvent, Deviation, HealthState, MachineSnapshot } from '../contracts.js';

/*
 * Checks on what producers publish. A bad snapshot must fail at publish() with the machine and the
 * field named, not later as a blank chart in someone's browser.
 */

const BLOCK = 'dashboard';
const STATES: readonly HealthState[] = ['normal', 'warning', 'alarm'];

/** Throws an InputError naming the machine and field when a snapshot cannot be shown. */
export function checkSnapshot(snapshot: MachineSnapshot): void {
  if (snapshot === null || typeof snapshot !== 'object') fail('snapshot', `expected an object, got ${typeName(snapshot)}`);
  const where = checkMachine(snapshot.machine, 'snapshot');
  for (const field of ['time', 'score', 'threshold', 'health'] as const) {
    requireFiniteField(snapshot[field], `${where}: ${field}`);
  }
  checkState(snapshot.state, `${where}: state`);
  checkSeries(snapshot.spectrumHz, snapshot.spectrumDb, `${where}: spectrumHz/spectrumDb`, true);
  checkSeries(snapshot.envelopeHz, snapshot.envelope, `${where}: envelopeHz/envelope`, false);
  if (snapshot.markers === null || typeof snapshot.markers !== 'object') {
    fail(where, `markers = ${typeName(snapshot.markers)}; expected an object of name -> Hz`);
  }
  for (const [name, hz] of Object.entries(snapshot.markers)) {
    if (typeof hz !== 'number' || !Number.isFinite(hz) || hz < 0) {
      fail(where, `markers.${name} = ${String(hz)}; expected a frequency >= 0 Hz`);
    }
  }
}

/** Throws an InputError naming the machine and field when an alert cannot be shown. */
export function checkAlert(event: AlertEvent): void {
  if (event === null || typeof event !== 'object') fail('alert', `expected an object, got ${typeName(event)}`);
  const where = checkMachine(event.machine, 'alert');
  requireFiniteField(event.time, `${where}: time`);
  requireFiniteField(event.score, `${where}: score`);
  checkState(event.from, `${where}: from`);
  checkState(event.to, `${where}: to`);
  if (typeof event.message !== 'string') fail(where, `message = ${typeName(event.message)}; expected a string`);
  checkDeviations(event.deviations, where);
}

function checkMachine(machine: unknown, kind: string): string {
  if (typeof machine !== 'string' || machine.trim() === '' || machine.length > 100) {
    fail(kind, `machine = ${JSON.stringify(machine) ?? 'undefined'}; expected a non-empty name of at most 100 characters`);
  }
  return `${kind} of "${machine}"`;
}

function checkState(state: unknown, what: string): void {
  if (!STATES.includes(state as HealthState)) {
    throw new InputError(BLOCK, `${what} = ${JSON.stringify(state) ?? 'undefined'}; expected one of ${STATES.join(', ')}`);
  }
}

function checkSeries(hz: ArrayLike<number>, values: ArrayLike<number>, what: string, allowInfinite: boolean): void {
  if (!isArrayLike(hz) || !isArrayLike(values)) fail(what, 'expected two arrays of numbers');
  if (hz.length !== values.length) fail(what, `lengths differ (${hz.length} frequencies, ${values.length} values)`);
  for (let i = 0; i < hz.length; i++) {
    const f = hz[i];
    if (typeof f !== 'number' || !Number.isFinite(f)) fail(what, `frequency [${i}] = ${String(f)}; expected a finite number of Hz`);
    const v = values[i];
    const ok = typeof v === 'number' && (allowInfinite ? !Number.isNaN(v) : Number.isFinite(v));
    if (!ok) fail(what, `value [${i}] = ${String(v)}; expected a ${allowInfinite ? 'number (not NaN)' : 'finite number'}`);
  }
}

function checkDeviations(deviations: Deviation[], where: string): void {
  if (!Array.isArray(deviations)) fail(where, `deviations = ${typeName(deviations)}; expected an array`);
  deviations.forEach((d, i) => {
    if (d === null || typeof d !== 'object' || typeof d.feature !== 'string') {
      fail(where, `deviations[${i}] has no feature name`);
    }
    requireFiniteField(d.z, `${where}: deviations[${i}].z`);
  });
}

function requireFiniteField(value: unknown, what: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InputError(BLOCK, `${what} = ${String(value)}; expected a finite number`);
  }
}

function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || ArrayBuffer.isView(value);
}

function typeName(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}

function fail(what: string, message: string): never {
  throw new InputError(BLOCK, `${what}: ${message}`);
}
