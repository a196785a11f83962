import { InputError, ParameterError } from '@sensorkit/dsp';
import { describe, expect, it } from 'vitest';
import { resolveDashboardOptions } from './dashboard-options.js';
import { DashboardStore, ENVELOPE_SPAN } from './dashboard-store.js';
import { MARKERS, makeAlert, makeSnapshot } from './test-fixtures.js';

const store = (options = {}): DashboardStore => new DashboardStore(resolveDashboardOptions(options));

describe('resolveDashboardOptions', () => {
  it('fills in defaults', () => {
    const o = resolveDashboardOptions();
    expect(o).toMatchObject({ port: 0, host: '127.0.0.1', levels: { warning: 0.8, alarm: 1 }, maxAlerts: 200 });
  });

  it('names the bad option, its value and the accepted range', () => {
    expect(() => resolveDashboardOptions({ port: 70000 })).toThrow(ParameterError);
    expect(() => resolveDashboardOptions({ port: 70000 })).toThrow('dashboard: port = 70000; expected an integer in 0..65535');
    expect(() => resolveDashboardOptions({ levels: { warning: 1.2, alarm: 1 } })).toThrow(/levels\.warning = 1\.2; expected a number in \(0, 1\)/);
    expect(() => resolveDashboardOptions({ maxAlerts: 0 })).toThrow(/maxAlerts = 0/);
    expect(() => resolveDashboardOptions({ host: '' })).toThrow(/host = ""/);
  });
});

describe('DashboardStore', () => {
  it('keeps the latest snapshot of each machine, in first-published order', () => {
    const s = store();
    for (let t = 0; t < 50; t++) {
      s.publish(makeSnapshot('b', t, 0.1, 'normal', { bins: 64 }));
      s.publish(makeSnapshot('a', t, 0.02 * t, t < 40 ? 'normal' : 'warning', { bins: 64 }));
    }
    const state = s.state();
    expect(state.machines.map((m) => [m.machine, m.time, m.state])).toEqual([
      ['b', 49, 'normal'],
      ['a', 49, 'warning'],
    ]);
    expect(s.states()).toEqual({ b: 'normal', a: 'warning' });
  });

  it('reduces spectra to maxSpectrumPoints and crops the envelope to 2.5x the highest marker, keeping the BPFO line', () => {
    const s = store({ maxSpectrumPoints: 256 });
    const shown = s.publish(makeSnapshot('m', 1, 0.5, 'normal', { bins: 4097, faultAmplitude: 0.07 }));
    expect(shown.spectrumHz).toHaveLength(256);
    expect(shown.spectrumDb).toHaveLength(256);
    const top = Math.max(...Object.values(MARKERS)) * ENVELOPE_SPAN;
    expect(shown.envelopeHz[shown.envelopeHz.length - 1]!).toBeLessThanOrEqual(top);
    expect(shown.envelopeHz[shown.envelopeHz.length - 1]!).toBeGreaterThan(top - 2); // within one bucket (675 bins / 256 points x 0.5 Hz)
    const peak = shown.envelope.indexOf(Math.max(...shown.envelope));
    expect(Math.abs(shown.envelopeHz[peak]! - MARKERS.BPFO!)).toBeLessThanOrEqual(0.5);
    expect(shown.markers).toEqual(MARKERS);
  });

  it('bounds each health history by count and by time span, and restarts it when time goes backwards', () => {
    const s = store({ historyPoints: 30, historySeconds: 10 });
    for (let i = 0; i < 100; i++) s.publish(makeSnapshot('m', i * 0.5, i / 100, 'normal', { bins: 16 }));
    let history = s.state().history.m!;
    expect(history[history.length - 1]).toEqual([49.5, 0.99]);
    expect(history[0]![0]).toBe(39.5); // 10 s span: 21 points, under the 30-point cap
    for (let i = 0; i < 100; i++) s.publish(makeSnapshot('m', 100 + i * 0.01, 0.5, 'normal', { bins: 16 }));
    history = s.state().history.m!;
    expect(history).toHaveLength(30); // the count cap wins within 1 s
    s.publish(makeSnapshot('m', 2, 0.3, 'normal', { bins: 16 }));
    expect(s.state().history.m).toEqual([[2, 0.3]]);
  });

  it('keeps only the newest maxAlerts alerts', () => {
    const s = store({ maxAlerts: 3 });
    for (let i = 0; i < 10; i++) s.alert(makeAlert('m', i, 'normal', 'warning', i));
    expect(s.state().alerts.map((a) => a.time)).toEqual([7, 8, 9]);
    expect(s.alertCount).toBe(3);
  });

  it('refuses a machine beyond maxMachines, naming it', () => {
    const s = store({ maxMachines: 2 });
    s.publish(makeSnapshot('a', 0, 0, 'normal', { bins: 16 }));
    s.publish(makeSnapshot('b', 0, 0, 'normal', { bins: 16 }));
    s.publish(makeSnapshot('a', 1, 0, 'normal', { bins: 16 }));
    expect(() => s.publish(makeSnapshot('c', 0, 0, 'normal', { bins: 16 }))).toThrow(/"c" would be machine 3; at most 2/);
  });

  it('rejects malformed snapshots and alerts with the machine and field named', () => {
    const s = store();
    const good = makeSnapshot('pump-1', 0, 0.2, 'normal', { bins: 16 });
    expect(() => s.publish({ ...good, health: Number.NaN })).toThrow(InputError);
    expect(() => s.publish({ ...good, health: Number.NaN })).toThrow('dashboard: snapshot of "pump-1": health = NaN; expected a finite number');
    expect(() => s.publish({ ...good, spectrumDb: good.spectrumDb.slice(1) })).toThrow(/spectrumHz\/spectrumDb: lengths differ \(16 frequencies, 15 values\)/);
    const nan = good.spectrumDb.slice();
    nan[5] = Number.NaN;
    expect(() => s.publish({ ...good, spectrumDb: nan })).toThrow(/value \[5\] = NaN/);
    expect(() => s.publish({ ...good, state: 'broken' as 'alarm' })).toThrow(/state = "broken"; expected one of normal, warning, alarm/);
    expect(() => s.publish({ ...good, markers: { BPFO: -1 } })).toThrow(/markers\.BPFO = -1/);
    expect(() => s.publish({ ...good, machine: '' })).toThrow(/machine = ""/);
    expect(() => s.alert({ ...makeAlert('pump-1', 1, 'normal', 'warning', 2), to: 'red' as 'alarm' })).toThrow(/alert of "pump-1": to = "red"/);
    expect(s.state().machines).toEqual([]);
  });

  it('accepts -Infinity dB and hands out copies that callers cannot use to change its state', () => {
    const s = store();
    const snap = makeSnapshot('m', 0, 0.2, 'normal', { bins: 16 });
    snap.spectrumDb[3] = -Infinity;
    const shown = s.publish(snap);
    expect(Number.isFinite(shown.spectrumDb[3])).toBe(true);
    s.alert(makeAlert('m', 1, 'normal', 'warning', 2));
    const state = s.state();
    state.alerts.pop();
    state.history.m!.pop();
    expect(s.state().alerts).toHaveLength(1);
    expect(s.state().history.m).toHaveLength(1);
  });
});
