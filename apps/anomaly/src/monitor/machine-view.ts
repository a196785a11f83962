import { createButterworthPlan, SosFilter } from '@sensorkit/dsp';
import type { MachineSnapshot, WindowScore } from '../contracts.js';
import { SampleRing } from './sample-ring.js';
import { SpectrumViewer } from './spectrum-view.js';

export interface MachineViewOptions {
  /** Hz of the samples pushed */
  sampleRate: number;
  /** lines to mark on the spectra: name -> Hz (shaft, bearing fault frequencies) */
  markers: Record<string, number>;
}

const SPECTRUM_LENGTH = 4096;
const ENVELOPE_LENGTH = 16384;

/**
 * What an operator sees of one machine, kept up to date from its samples: the latest spectrum and the
 * envelope spectrum of its resonance band, packed with its latest window score into a dashboard
 * snapshot. One axis (the first) is viewed; the detector still scores every axis.
 * @example
 * const view = new MachineView('pump-1', { sampleRate: 12800, markers: { BPFO: 107.4 } });
 * view.push(samples);
 * dashboard.publish(view.snapshot(lastWindow, threshold, seconds)!);
 */
export class MachineView {
  private readonly raw = new SampleRing(SPECTRUM_LENGTH);
  private readonly banded = new SampleRing(ENVELOPE_LENGTH);
  private readonly bandpass: SosFilter;
  private filtered = new Float32Array(0);
  private readonly viewer: SpectrumViewer;

  constructor(
    readonly machine: string,
    readonly options: MachineViewOptions,
  ) {
    const nyquist = options.sampleRate / 2;
    // Impacts ring the structure's resonances in the kHz range: demodulate around them.
    this.bandpass = new SosFilter(createButterworthPlan({ type: 'bandpass', order: 4, sampleRate: options.sampleRate, cutoff: [nyquist / 8, 0.8 * nyquist] }));
    const highest = Math.max(0, ...Object.values(options.markers));
    this.viewer = new SpectrumViewer(options.sampleRate, SPECTRUM_LENGTH, ENVELOPE_LENGTH, Math.min(5000, 0.8 * nyquist), Math.max(400, 3 * highest));
  }

  /** Takes the next samples of the viewed axis. */
  push(samples: Float32Array): void {
    if (this.filtered.length < samples.length) this.filtered = new Float32Array(samples.length);
    const filtered = this.filtered.subarray(0, samples.length);
    this.bandpass.process(samples, filtered);
    this.raw.push(samples);
    this.banded.push(filtered);
  }

  /** The dashboard's view at `time` s, once enough signal has arrived for the envelope spectrum. */
  snapshot(last: WindowScore | undefined, threshold: number, time: number): MachineSnapshot | undefined {
    if (!last || !this.banded.full) return undefined;
    return {
      machine: this.machine,
      time,
      score: last.score,
      threshold,
      health: last.health,
      state: last.state,
      ...this.viewer.view(this.raw.ordered(), this.banded.ordered()),
      markers: { ...this.options.markers },
    };
  }
}
