import type { SampleChunk } from '@sensorkit/dsp';
import type { AlertEvent, MachineSnapshot, WindowScore } from '../contracts.js';
import { ModelScorer, type AnomalyModel } from '../detect/model.js';
import { bearingFrequencies } from '../simulator/bearing.js';
import { MachineView } from './machine-view.js';
import { RateAdapter } from './rate-adapter.js';

/** What one chunk of a monitored stream produced. */
export interface MonitorUpdate {
  windows: WindowScore[];
  alerts: AlertEvent[];
  /** s of signal seen so far (at the model's rate) */
  time: number;
}

/**
 * Follows one machine's live stream with a trained model: brings the stream to the model's rate,
 * scores every window (features, detector, health index, alerts), and keeps the spectra a dashboard
 * shows. The pure core of `anomaly monitor`; `monitorMachine` is its RxJS operator.
 * @example
 * const monitor = new ModelMonitor(await loadAnomalyModel('models/pump'), 'pump-1');
 * source.chunks.subscribe((chunk) => print(monitor.push(chunk)));
 */
export class ModelMonitor {
  private readonly scorer: ModelScorer;
  private readonly rate: RateAdapter;
  private readonly view: MachineView;
  private last: WindowScore | undefined;
  private frames = 0;
  private start: number | undefined;

  constructor(
    readonly model: AnomalyModel,
    readonly machine: string,
  ) {
    const { sampleRate, channels } = model.features;
    this.scorer = new ModelScorer(model, machine);
    this.rate = new RateAdapter('anomaly monitor', sampleRate, channels);
    this.view = new MachineView(machine, { sampleRate, markers: markersOf(model) });
  }

  /** Says once how the stream was brought to the model's rate, if it had to be. */
  get notice(): string | undefined {
    return this.rate.notice;
  }

  push(chunk: SampleChunk): MonitorUpdate {
    const adapted = this.rate.push(chunk);
    if (!adapted) return { windows: [], alerts: [], time: this.time };
    this.start ??= adapted.index;
    const { windows, alerts } = this.scorer.push(adapted);
    this.frames = adapted.index - this.start + adapted.samples.length / adapted.channels;
    this.view.push(firstAxis(adapted));
    if (windows.length) this.last = windows[windows.length - 1];
    return { windows, alerts, time: this.time };
  }

  /** s of signal seen, from the first sample index the stream carried */
  get time(): number {
    return this.frames / this.model.features.sampleRate;
  }

  /** The latest window's verdict. */
  get latest(): WindowScore | undefined {
    return this.last;
  }

  /** The dashboard's view now, once there is a window and enough signal for the spectra. */
  snapshot(): MachineSnapshot | undefined {
    return this.view.snapshot(this.last, this.model.threshold, this.time);
  }
}

function firstAxis(chunk: SampleChunk): Float32Array {
  if (chunk.channels === 1) return chunk.samples;
  const out = new Float32Array(chunk.samples.length / chunk.channels);
  for (let i = 0; i < out.length; i++) out[i] = chunk.samples[i * chunk.channels]!;
  return out;
}

/** Shaft and bearing fault lines of a model that knows its bearing, for the spectra. */
function markersOf(model: AnomalyModel): Record<string, number> {
  const { bearing, shaftHz } = model.features.description.options;
  if (!bearing || shaftHz === undefined) return {};
  const f = bearingFrequencies(bearing, shaftHz);
  return { '1x': f.shaft, FTF: f.ftf, BSF: f.bsf, BPFO: f.bpfo, BPFI: f.bpfi };
}
