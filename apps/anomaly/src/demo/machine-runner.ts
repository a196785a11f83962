import type { SampleChunk } from '@sensorkit/dsp';
import { fingerprintData } from '@sensorkit/ml';
import type { AlertEvent, MachineSnapshot, SimulationTruth, WindowScore } from '../contracts.js';
import { createWindowFeaturesPlan, FeatureStream, fitAnomalyModel, ModelScorer, type AnomalyModel, type DetectorKind, type FeatureRow } from '../detect/index.js';
import { createMachine, MachineSignal, machineTruth, type MachinePlan } from '../simulator/index.js';
import { MachineView } from '../monitor/machine-view.js';

export interface MachineRunnerOptions {
  /** Hz */
  sampleRate: number;
  /** samples per step */
  chunkFrames: number;
  /** s of the run the demo streams */
  duration: number;
  /** s of healthy commissioning recording each machine's model learns "normal" from */
  trainSeconds: number;
  detector: DetectorKind | 'auto';
  seed: number;
}

/**
 * One machine of the demo: its simulated accelerometer, a model trained on its own healthy start, and
 * the scorer and spectra that follow it. Everything advances by sample index, so a run is the same at
 * any speed.
 */
export class MachineRunner {
  readonly truth: SimulationTruth;
  private readonly signal: MachineSignal;
  private readonly chunk: Float32Array;
  private index = 0;
  private stream: FeatureStream | undefined;
  private scorer: ModelScorer | undefined;
  private model: AnomalyModel | undefined;
  private last: WindowScore | undefined;
  private readonly view: MachineView;

  constructor(
    readonly plan: MachinePlan,
    readonly options: MachineRunnerOptions,
  ) {
    this.truth = machineTruth(plan, options.sampleRate, options.duration);
    this.signal = new MachineSignal(plan, options.sampleRate);
    this.chunk = new Float32Array(options.chunkFrames);
    const f = this.truth.frequencies;
    this.view = new MachineView(plan.name, { sampleRate: options.sampleRate, markers: { '1x': f.shaft, FTF: f.ftf, BSF: f.bsf, BPFO: f.bpfo, BPFI: f.bpfi } });
  }

  get name(): string {
    return this.plan.name;
  }

  /** s of signal produced so far */
  get time(): number {
    return this.index / this.options.sampleRate;
  }

  get trained(): AnomalyModel | undefined {
    return this.model;
  }

  /**
   * Learns "normal" the way a machine is commissioned: from a separate healthy recording of the same
   * machine (its own noise seed) that sweeps the loads the machine runs at, so a load change later is
   * not mistaken for a fault.
   */
  async train(): Promise<AnomalyModel> {
    const { sampleRate, trainSeconds, detector, seed, chunkFrames } = this.options;
    const { bearing, shaftHz } = this.truth;
    const features = createWindowFeaturesPlan({ sampleRate, window: 0.5, hop: 0.25, bearing, shaftHz });
    const start = Math.round(COMMISSIONING_START * sampleRate);
    const twin = new MachineSignal(commissioningTwin(this.plan, trainSeconds), sampleRate);
    const stream = new FeatureStream(features);
    const rows: FeatureRow[] = [];
    const recorded: Float32Array[] = [];
    for (let index = start; index < start + trainSeconds * sampleRate; index += chunkFrames) {
      const samples = new Float32Array(chunkFrames);
      twin.fill(samples, index, chunkFrames);
      recorded.push(samples);
      rows.push(...stream.push({ samples, sampleRate, channels: 1, index }).filter((r) => r.time >= COMMISSIONING_START + 1));
    }
    const inputs = [{ file: `simulated:${this.name}:commissioning`, sampleRate, channels: 1, seconds: trainSeconds, windows: rows.length }];
    this.model = await fitAnomalyModel(features, [rows], { detector, seed }, { inputs, fingerprint: fingerprintData(recorded) });
    this.stream = new FeatureStream(features);
    this.scorer = new ModelScorer(this.model, this.name);
    return this.model;
  }

  /** Advances one chunk of the run: scores the windows it completes; returns them and any change of state. */
  step(): { windows: WindowScore[]; alerts: AlertEvent[] } {
    if (!this.scorer || !this.stream) throw new Error(`${this.name}: train() before step()`);
    const result = this.scorer.scoreRows(this.stream.push(this.next()).filter(settled));
    if (result.windows.length) this.last = result.windows[result.windows.length - 1];
    return result;
  }

  /** What the dashboard shows of this machine now. */
  snapshot(): MachineSnapshot | undefined {
    if (!this.model) return undefined;
    return this.view.snapshot(this.last, this.model.threshold, this.time);
  }

  private next(): SampleChunk {
    const frames = this.options.chunkFrames;
    this.signal.fill(this.chunk, this.index, frames);
    this.view.push(this.chunk);
    const chunk: SampleChunk = { samples: this.chunk, sampleRate: this.options.sampleRate, channels: 1, index: this.index };
    this.index += frames;
    return chunk;
  }
}

/** The filters of a feature stream start at rest: windows in the first second still carry their transient. */
function settled(row: FeatureRow): boolean {
  return row.time >= 1;
}

/**
 * s into the machine's (index-driven) life where its commissioning recording is taken: the same machine
 * and seed, so the same build and balance, but noise, slip and drift independent of the demo run.
 */
const COMMISSIONING_START = 100_000;

/** The machine healthy, stepping through the loads it runs at, from COMMISSIONING_START on. */
function commissioningTwin(plan: MachinePlan, seconds: number): MachinePlan {
  const o = plan.description.options;
  const loads = [o.load, ...o.loadSteps.map((s) => s.load)];
  const lo = Math.max(0, Math.min(...loads) - 0.1);
  const hi = Math.min(1, Math.max(...loads) + 0.1);
  const steps = [lo, hi, (lo + hi) / 2, o.load].map((load, i) => ({ time: COMMISSIONING_START + ((i + 1) * seconds) / 5, load }));
  return createMachine({ ...o, fault: { kind: 'none' }, loadSteps: steps });
}
