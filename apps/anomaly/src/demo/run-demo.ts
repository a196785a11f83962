import { setTimeout as sleep } from 'node:timers/promises';
import type { Writable } from 'node:stream';
import { describeBackend } from '@sensorkit/ml';
import type { AlertEvent, HealthState, MachineSnapshot } from '../contracts.js';
import { renderTerminalSummary, startDashboard, type Dashboard } from '../dashboard/index.js';
import type { DetectorKind } from '../detect/index.js';
import { demoFleet } from '../simulator/index.js';
import { formatOutcomes, outcomes, type MachineOutcome } from './demo-report.js';
import { MachineRunner } from './machine-runner.js';

export interface DemoOptions {
  /** s of simulated run (default 300) */
  duration?: number;
  /** x real time; 0 = as fast as the CPU allows (default 10) */
  speed?: number;
  /** dashboard port; 0 = any free port (default 8377) */
  port?: number;
  /** s of healthy commissioning recording per machine to learn normal from (default 60) */
  trainSeconds?: number;
  detector?: DetectorKind | 'auto';
  seed?: number;
  /** Hz (default 12800) */
  sampleRate?: number;
  out: Writable;
  /** redraw the summary in place (a terminal) instead of printing it every 30 s of signal */
  tty: boolean;
  signal?: AbortSignal;
  /** called with the dashboard URL once it serves (the demo opens no browser itself unless asked) */
  onDashboard?: (url: string) => void | Promise<void>;
}

export interface DemoReport {
  url: string;
  seconds: number;
  /** false when stopped (Ctrl-C) before the whole duration ran: the outcomes are then only so far */
  completed: boolean;
  outcomes: MachineOutcome[];
  alerts: AlertEvent[];
}

const CHUNK_SECONDS = 0.1;

/**
 * The predictive-maintenance demo: a fleet of simulated machines (healthy, bearing fault growing to
 * failure, imbalance growing), each with a detector trained on its own healthy start, streamed through
 * DSP and detection in accelerated time to a live dashboard and a terminal summary.
 */
export async function runDemo(options: DemoOptions): Promise<DemoReport & { dashboard: Dashboard }> {
  const duration = options.duration ?? 300;
  const speed = options.speed ?? 10;
  const sampleRate = options.sampleRate ?? 12800;
  const trainSeconds = options.trainSeconds ?? 60;
  const say = (line: string): void => void options.out.write(`${line}\n`);
  const runners = demoFleet(options.seed ?? 1, duration).map(
    (plan) => new MachineRunner(plan, { sampleRate, chunkFrames: Math.round(CHUNK_SECONDS * sampleRate), duration, trainSeconds, detector: options.detector ?? 'gaussian', seed: options.seed ?? 1 }),
  );

  say(`sensorkit predictive-maintenance demo: ${runners.length} machines at ${sampleRate} Hz, ${duration} s of run at ${speed === 0 ? 'full' : `${speed}x`} speed`);
  for (const r of runners) {
    const model = await r.train();
    say(`  ${r.name.padEnd(10)} ${r.truth.fault.padEnd(12)} trained on ${trainSeconds} s of healthy commissioning data: ${model.detector.kind} detector, ${model.features.names.length} features, threshold ${model.threshold.toPrecision(3)}`);
  }
  if (runners.some((r) => r.trained?.detector.kind === 'autoencoder')) say(`  ${describeBackend()}`);

  const dashboard = await startDashboard({ port: options.port ?? 8377, title: 'sensorkit: predictive maintenance' });
  say(`dashboard: ${dashboard.url}`);
  await options.onDashboard?.(dashboard.url);

  const alerts: AlertEvent[] = [];
  const latest = new Map<string, MachineSnapshot>();
  const states = new Map<string, HealthState>();
  const wallStart = performance.now();
  let drawn = 0;
  let nextSnapshot = 1;
  let nextPrint = 0;
  const draw = (final = false): void => {
    const lines = renderTerminalSummary([...latest.values()], alerts, { color: options.tty });
    if (options.tty && drawn > 0) options.out.write(`\x1b[${drawn}A\x1b[0J`);
    for (const l of lines) say(l);
    drawn = options.tty && !final ? lines.length : 0;
  };

  while (runners[0]!.time < duration && !options.signal?.aborted) {
    for (const r of runners) {
      const { windows, alerts: raised } = r.step();
      const last = windows[windows.length - 1];
      if (last) states.set(r.name, last.state);
      for (const a of raised) {
        alerts.push(a);
        dashboard.alert(a);
        if (options.tty && drawn > 0) options.out.write(`\x1b[${drawn}A\x1b[0J`);
        drawn = 0;
        say(`alert ${a.message}`);
      }
    }
    const time = runners[0]!.time;
    if (time >= nextSnapshot) {
      nextSnapshot += 1;
      for (const r of runners) {
        const s = r.snapshot();
        if (s) {
          latest.set(r.name, s);
          dashboard.publish(s);
        }
      }
      if (options.tty || time >= nextPrint) {
        nextPrint += 30;
        draw();
      }
    }
    // Pace by signal time against the wall clock (no drift); at full speed still let the server breathe.
    const due = wallStart + (time / (speed || Infinity)) * 1000;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait, undefined, { signal: options.signal }).catch(() => undefined);
    else if (speed === 0 && Math.round(time / CHUNK_SECONDS) % 20 === 0) await sleep(0);
  }
  draw(true);
  const completed = runners[0]!.time >= duration;
  if (!completed) say(`\nstopped at ${runners[0]!.time.toFixed(1)} s of ${duration} s: outcomes so far`);
  const list = outcomes(runners, alerts, states, runners[0]!.trained?.features.description.options.window ?? 0.5, runners[0]!.time);
  say('');
  for (const line of formatOutcomes(list)) say(line);
  return { url: dashboard.url, seconds: runners[0]!.time, completed, outcomes: list, alerts, dashboard };
}
