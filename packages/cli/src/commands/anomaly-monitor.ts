import { basename } from 'node:path';
import { Command } from 'commander';
import type { Subscription } from 'rxjs';
import { loadAnomalyModel, monitorMachine, renderTerminalSummary, startDashboard, type AlertEvent, type Dashboard, type HealthState, type MachineSnapshot, type ModelMonitor } from '@sensorkit/anomaly';
import type { CliIo } from '../cli-io.js';
import { addLiveInputOptions, liveFailure, openLiveInput, type LiveInput } from '../live-input.js';
import { nonNegativeInteger, positiveNumber } from '../parse.js';

const BLOCK = 'anomaly monitor';

/**
 * `sensorkit anomaly monitor --model <dir> (--port <path|auto> | --input <file> | ...)`: a trained
 * model on a live stream: health and alerts in the terminal (or JSON lines), optionally the dashboard.
 */
export function anomalyMonitorCommand(io: CliIo): Command {
  const command = new Command('monitor')
    .description('score a live stream with a trained model: health, state and alerts as they happen (Ctrl-C to stop)')
    .requiredOption('-m, --model <dir>', 'model folder written by anomaly train');
  addLiveInputOptions(command)
    .option('--machine <name>', 'machine name in alerts and on the dashboard (default: the model folder name)')
    .option('--json', 'JSON lines: one WindowScore per window on stdout (alerts on stderr)')
    .option('--dashboard [port]', 'serve the live dashboard on 127.0.0.1 (port 0 or none: any free port)', nonNegativeInteger)
    .option('--duration <s>', 'stop after this many seconds of signal', positiveNumber)
    .action(async (o: Record<string, unknown>) => {
      const model = await loadAnomalyModel(o.model as string);
      const dashboardWanted = o.dashboard !== undefined;
      // A dashboard is watched by a person: pace a replayed file like a live sensor unless told otherwise.
      const input = await openLiveInput(o, { command: BLOCK, realtime: dashboardWanted }).catch((err: unknown) => {
        throw liveFailure(BLOCK, err);
      });
      const abort = new AbortController();
      const onSigint = (): void => abort.abort();
      process.once('SIGINT', onSigint);
      let dashboard: Dashboard | undefined;
      try {
        if (dashboardWanted) {
          dashboard = await startDashboard({ port: o.dashboard === true ? 0 : (o.dashboard as number), title: `sensorkit: ${model.features.description.options.channelNames.join('/')} monitor` });
          io.stdout.write(`dashboard: ${dashboard.url}\n`);
        }
        const machine = (o.machine as string | undefined) ?? basename(String(o.model));
        await runAnomalyMonitor(input, { io, machine, json: o.json === true, dashboard, signal: abort.signal, duration: o.duration as number | undefined, model });
      } catch (err) {
        throw liveFailure(BLOCK, err);
      } finally {
        process.removeListener('SIGINT', onSigint);
        await input.source.close();
        await dashboard?.close();
      }
    });
  return command;
}

interface MonitorRun {
  io: CliIo;
  machine: string;
  model: Awaited<ReturnType<typeof loadAnomalyModel>>;
  json: boolean;
  dashboard: Dashboard | undefined;
  signal: AbortSignal;
  duration: number | undefined;
}

/** Streams the source through the model until it ends, `duration` s of signal have passed, or Ctrl-C. */
function runAnomalyMonitor(input: LiveInput, run: MonitorRun): Promise<void> {
  const { io, json, dashboard, signal } = run;
  const tty = !json && (io.stdout as { isTTY?: boolean }).isTTY === true;
  const alerts: AlertEvent[] = [];
  const counts: Record<HealthState, number> = { normal: 0, warning: 0, alarm: 0 };
  let monitor: ModelMonitor | undefined;
  let snapshot: MachineSnapshot | undefined;
  let noticed = false;
  let nextView = 1;
  let drawn = 0;
  const draw = (): void => {
    if (!snapshot || json) return;
    const lines = renderTerminalSummary([snapshot], alerts, { color: tty });
    if (tty && drawn) io.stdout.write(`\x1b[${drawn}A\x1b[0J`);
    io.stdout.write(`${(tty || drawn === 0 ? lines : lines.slice(1)).join('\n')}\n`);
    drawn = tty ? lines.length : 1;
  };

  return new Promise<void>((resolve, reject) => {
    let subscription: Subscription | undefined;
    const finish = (err?: unknown): void => {
      subscription?.unsubscribe();
      signal.removeEventListener('abort', onAbort);
      if (err !== undefined) return reject(err);
      if (!json) {
        snapshot = monitor?.snapshot() ?? snapshot;
        draw();
        const windows = counts.normal + counts.warning + counts.alarm;
        const stats = input.source.stats();
        const share = (n: number): string => `${((100 * n) / Math.max(1, windows)).toFixed(1)} %`;
        io.stdout.write(
          `${run.machine}: ${windows} windows over ${(monitor?.time ?? 0).toFixed(1)} s: normal ${share(counts.normal)}, warning ${share(counts.warning)}, alarm ${share(counts.alarm)}; ` +
            `${alerts.length} alert(s); from ${input.name}${stats.badLines ? `, ${stats.badLines} bad line(s)` : ''}${stats.gapSamples ? `, ${stats.gapSamples} sample(s) lost in gaps` : ''}\n`,
        );
      }
      resolve();
    };
    const onAbort = (): void => finish();
    signal.addEventListener('abort', onAbort, { once: true });
    subscription = input.source.chunks.pipe(monitorMachine(run.model, run.machine, (m) => (monitor = m))).subscribe({
      next: ({ windows, alerts: raised, time }) => {
        if (!noticed && monitor?.notice) {
          noticed = true;
          io.stderr.write(`sensorkit: ${monitor.notice}\n`);
        }
        for (const w of windows) {
          counts[w.state] += 1;
          if (json) io.stdout.write(`${JSON.stringify(w)}\n`);
        }
        for (const a of raised) {
          alerts.push(a);
          dashboard?.alert(a);
          if (tty && drawn) io.stdout.write(`\x1b[${drawn}A\x1b[0J`);
          drawn = 0;
          (json ? io.stderr : io.stdout).write(`${json ? 'sensorkit: ' : ''}alert: ${a.message}\n`);
        }
        if (time >= nextView) {
          // Spectra and the summary once per second of signal: enough for a person, cheap for the stream.
          nextView = Math.floor(time) + 1;
          snapshot = monitor?.snapshot() ?? snapshot;
          if (snapshot) dashboard?.publish(snapshot);
          if (tty || Math.floor(time) % 10 === 0) draw();
        }
        if (run.duration !== undefined && time >= run.duration) finish();
      },
      error: (err: unknown) => finish(err),
      complete: () => finish(),
    });
  });
}
