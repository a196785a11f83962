import { Command } from 'commander';
import { demoCommand, evalCommand, scoreCommand, simulateCommand, trainCommand } from '@sensorkit/anomaly';
import type { CliIo } from '../cli-io.js';
import { anomalyMonitorCommand } from './anomaly-monitor.js';

/** `sensorkit anomaly …`: vibration anomaly detection for predictive maintenance. */
export function anomalyCommand(io: CliIo): Command {
  const group = new Command('anomaly').description('vibration anomaly detection: simulate machines, train on normal data, score, evaluate, monitor, demo');
  for (const make of [simulateCommand, trainCommand, scoreCommand, evalCommand, anomalyMonitorCommand, demoCommand]) group.addCommand(make(io));
  return group;
}
