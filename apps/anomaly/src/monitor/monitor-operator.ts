import { defer, map, type OperatorFunction } from 'rxjs';
import type { SampleChunk } from '@sensorkit/dsp';
import type { AnomalyModel } from '../detect/model.js';
import { ModelMonitor, type MonitorUpdate } from './model-monitor.js';

/**
 * RxJS operator around ModelMonitor: a chunk stream in, one MonitorUpdate per chunk out. Each
 * subscription gets its own monitor (filters, windows, health state); `onMonitor` hands it out for
 * snapshots and notices.
 * @example
 * source.chunks.pipe(monitorMachine(model, 'pump-1')).subscribe(({ alerts }) => alerts.forEach(console.log));
 */
export function monitorMachine(model: AnomalyModel, machine: string, onMonitor?: (monitor: ModelMonitor) => void): OperatorFunction<SampleChunk, MonitorUpdate> {
  return (chunks) =>
    defer(() => {
      const monitor = new ModelMonitor(model, machine);
      onMonitor?.(monitor);
      return chunks.pipe(map((chunk) => monitor.push(chunk)));
    });
}
