import { assertChunk, createFramingPlan, Framer, SosFilter, type SampleChunk } from '@sensorkit/dsp';
import { WindowFeatureExtractor } from './feature-extractor.js';
import type { WindowFeaturesPlan } from './feature-plan.js';

/** The features of one window and where it starts. */
export interface FeatureRow {
  /** start of the window, s (sample index / rate) */
  time: number;
  values: Float64Array;
}

const BLOCK = 'anomalyFeatures';

/**
 * Turns a chunk stream into one feature row per window, statefully: chunks of any size give the rows
 * of the whole signal. The low-pass at maxHz and the envelope band-pass run over the continuous stream
 * (no transient at each window start), and both filtered copies are framed together.
 * @example
 * const stream = new FeatureStream(createWindowFeaturesPlan({ sampleRate: 12800 }));
 * for await (const chunk of chunks) for (const row of stream.push(chunk)) use(row.time, row.values);
 */
export class FeatureStream {
  private readonly extractor: WindowFeatureExtractor;
  private readonly framer: Framer;
  private readonly filter: SosFilter | undefined;
  private readonly lowpass: SosFilter | undefined;
  private readonly raw: Float32Array;
  private readonly filtered: Float32Array;
  private expected: number | undefined;

  constructor(readonly plan: WindowFeaturesPlan) {
    this.extractor = new WindowFeatureExtractor(plan);
    const width = plan.envelope ? 2 * plan.channels : plan.channels;
    this.framer = new Framer(createFramingPlan({ length: plan.length, hop: plan.hop, channels: width }));
    this.filter = plan.envelope ? new SosFilter(plan.envelope.bandpass, plan.channels) : undefined;
    this.lowpass = plan.lowpass ? new SosFilter(plan.lowpass, plan.channels) : undefined;
    this.raw = new Float32Array(plan.length * plan.channels);
    this.filtered = new Float32Array(plan.envelope ? plan.length * plan.channels : 0);
  }

  /** Consumes one chunk (checked: rate, axes, finite samples); returns the windows it completed. */
  push(chunk: SampleChunk): FeatureRow[] {
    const { plan } = this;
    assertChunk(BLOCK, chunk, { sampleRate: plan.sampleRate, channels: plan.channels });
    // A gap in sample indices starts a new segment: no window, and no filter state, spans it.
    if (this.expected !== undefined && chunk.index !== this.expected) this.restart(chunk.index);
    if (this.expected === undefined) this.framer.reset(chunk.index);
    const frames = chunk.samples.length / plan.channels;
    this.expected = chunk.index + frames;
    const rows: FeatureRow[] = [];
    const onFrame = (frame: Float32Array, start: number): void => {
      rows.push(this.rowOf(frame, start));
    };
    this.framer.push(this.widen(chunk.samples), onFrame);
    return rows;
  }

  /** Forgets all state; the next chunk starts a new signal. */
  reset(): void {
    this.expected = undefined;
    this.framer.reset();
    this.filter?.reset();
    this.lowpass?.reset();
  }

  private restart(index: number): void {
    this.framer.reset(index);
    this.filter?.reset();
    this.lowpass?.reset();
  }

  /** The low-passed axes, followed in each frame by their band-passed copy when there is an envelope stage. */
  private widen(input: Float32Array): Float32Array {
    let samples = input;
    if (this.lowpass) {
      samples = new Float32Array(input.length);
      this.lowpass.process(input, samples);
    }
    if (!this.filter) return samples;
    const channels = this.plan.channels;
    const filtered = new Float32Array(samples.length);
    this.filter.process(input, filtered);
    const wide = new Float32Array(2 * samples.length);
    for (let i = 0, j = 0; i < samples.length; ) {
      for (let c = 0; c < channels; c++) wide[j + c] = samples[i + c]!;
      for (let c = 0; c < channels; c++) wide[j + channels + c] = filtered[i + c]!;
      i += channels;
      j += 2 * channels;
    }
    return wide;
  }

  private rowOf(frame: Float32Array, start: number): FeatureRow {
    const { plan } = this;
    const values = new Float64Array(plan.outputLength);
    if (!this.filter) {
      this.extractor.process(frame, undefined, values);
    } else {
      const channels = plan.channels;
      for (let n = 0; n < plan.length; n++) {
        for (let c = 0; c < channels; c++) {
          this.raw[n * channels + c] = frame[2 * n * channels + c]!;
          this.filtered[n * channels + c] = frame[(2 * n + 1) * channels + c]!;
        }
      }
      this.extractor.process(this.raw, this.filtered, values);
    }
    return { time: start / plan.sampleRate, values };
  }
}
