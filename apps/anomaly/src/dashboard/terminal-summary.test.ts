import { ParameterError } from '@sensorkit/dsp';
import { describe, expect, it } from 'vitest';
import { describeAlert, healthBar, renderTerminalSummary } from './terminal-summary.js';
import { makeAlert, makeSnapshot } from './test-fixtures.js';

const strip = (s: string): string => s.replace(/\u001b\[[0-9;]*m/g, '');

describe('healthBar', () => {
  it('fills cells in proportion to health over 0..1.5 x alarm and marks the alarm level', () => {
    expect(healthBar(0, 1, 15)).toBe('[..........|....]');
    expect(healthBar(0.5, 1, 15)).toBe('[#####.....|....]');
    expect(healthBar(1, 1, 15)).toBe('[##########|....]');
    expect(healthBar(1.2, 1, 15)).toBe('[############...]');
    expect(healthBar(1.5, 2, 15)).toBe('[########..|....]'); // 1.5 / 3 of 15 cells = 7.5, rounded up
    expect(healthBar(9, 1, 15)).toBe('[##############>]');
  });
});

describe('renderTerminalSummary', () => {
  const snapshots = [
    makeSnapshot('fan', 41, 0.21, 'normal', { bins: 8 }),
    makeSnapshot('pump-2', 41, 0.86, 'warning', { bins: 8, threshold: 3.15 }),
    makeSnapshot('gearbox-long-name', 41, 1.7, 'alarm', { bins: 8 }),
  ];
  const alerts = [
    makeAlert('gearbox-long-name', 12, 'normal', 'warning', 2.5),
    makeAlert('pump-2', 30, 'normal', 'warning', 2.7),
    makeAlert('gearbox-long-name', 20.25, 'warning', 'alarm', 3.1),
  ];

  it('prints a header and one aligned line per machine with state, bar, health, score / threshold and the last alert', () => {
    const lines = renderTerminalSummary(snapshots, alerts, { barWidth: 10 });
    expect(lines).toEqual([
      'machine            state    health             score / threshold  last alert',
      'fan                NORMAL   [#......|..] 0.21  0.63 / 3.00        -',
      'pump-2             WARNING  [######.|..] 0.86  2.71 / 3.15        30.0 s normal -> warning (env_bpfo +7.5σ, kurtosis +4.3σ)',
      'gearbox-long-name  ALARM    [#########>] 1.70  5.10 / 3.00        20.3 s warning -> alarm (env_bpfo +7.5σ, kurtosis +4.3σ)',
    ]);
  });

  it('returns the same number of lines on every call, so the terminal can redraw in place', () => {
    expect(renderTerminalSummary(snapshots)).toHaveLength(4);
    expect(renderTerminalSummary(snapshots, alerts)).toHaveLength(4);
    expect(renderTerminalSummary([])).toHaveLength(1);
  });

  it('colours only the state word, leaving the text otherwise identical', () => {
    const plain = renderTerminalSummary(snapshots, alerts);
    const coloured = renderTerminalSummary(snapshots, alerts, { color: true });
    expect(coloured.map(strip)).toEqual(plain);
    expect(coloured[3]).toContain('\u001b[1;31mALARM\u001b[0m');
    expect(coloured[1]).toContain('\u001b[32mNORMAL\u001b[0m');
    expect(coloured[2]).toContain('\u001b[33mWARNING\u001b[0m');
  });

  it('cuts lines to the terminal width', () => {
    const lines = renderTerminalSummary(snapshots, alerts, { width: 60 });
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(60);
    expect(lines[2]!.endsWith('…')).toBe(true);
  });

  it('describes an alert by time, transition and top deviations', () => {
    expect(describeAlert(undefined)).toBe('-');
    expect(describeAlert({ ...makeAlert('m', 5, 'alarm', 'normal', 1), deviations: [] })).toBe('5.0 s alarm -> normal');
  });

  it('rejects bad options', () => {
    expect(() => renderTerminalSummary(snapshots, [], { barWidth: 2 })).toThrow(ParameterError);
    expect(() => renderTerminalSummary(snapshots, [], { levels: { warning: 2, alarm: 1 } })).toThrow(/levels\.warning = 2/);
  });
});
