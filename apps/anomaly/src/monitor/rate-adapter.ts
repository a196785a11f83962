import { createResamplePlan, InputError, Resampler, type SampleChunk } from '@sensorkit/dsp';

/** A measured stream rate this close to the model's (relative) is the model's rate: board clocks drift. */
export const RATE_TOLERANCE = 0.01;

/**
 * Brings a live stream to a model's sample rate, statefully: a rate within 1 % of the model's (a serial
 * board's measured rate) is taken as the model's; another whole-Hz rate is resampled (polyphase, as
 * scipy's resample_poly); anything else is refused with the flag that fixes it. `notice` says once
 * what was done.
 */
export class RateAdapter {
  private resampler: Resampler | undefined;
  private from: number | undefined;
  private index = 0;
  notice: string | undefined;

  constructor(
    readonly block: string,
    readonly rate: number,
    readonly channels: number,
  ) {}

  push(chunk: SampleChunk): SampleChunk | undefined {
    if (chunk.channels !== this.channels) {
      throw new InputError(this.block, `the stream has ${chunk.channels} axis(es); the model takes ${this.channels}`);
    }
    const rate = chunk.sampleRate;
    if (this.from === undefined) this.start(rate);
    else if (Math.abs(rate - this.from) > RATE_TOLERANCE * this.from) {
      throw new InputError(this.block, `the stream's rate changed from ${this.from} Hz to ${rate} Hz mid-stream`);
    }
    if (!this.resampler) return { ...chunk, sampleRate: this.rate };
    const frames = chunk.samples.length / this.channels;
    const out = new Float32Array(this.resampler.outputLength(frames) * this.channels);
    this.resampler.push(chunk.samples, out);
    const index = this.index;
    this.index += out.length / this.channels;
    return out.length > 0 ? { samples: out, sampleRate: this.rate, channels: this.channels, index } : undefined;
  }

  private start(rate: number): void {
    this.from = rate;
    if (Math.abs(rate - this.rate) <= RATE_TOLERANCE * this.rate) {
      if (rate !== this.rate) this.notice = `the stream runs at ${round(rate)} Hz: taken as the model's ${this.rate} Hz (within ${100 * RATE_TOLERANCE} %)`;
      return;
    }
    if (!Number.isInteger(rate)) {
      throw new InputError(this.block, `the stream runs at ${round(rate)} Hz, not the model's ${this.rate} Hz, and a measured rate cannot be resampled exactly: give the board's rate with --rate`);
    }
    this.resampler = new Resampler(createResamplePlan({ from: rate, to: this.rate }), this.channels);
    this.notice = `resampling ${rate} Hz -> ${this.rate} Hz (the model's rate)`;
  }
}

function round(hz: number): number {
  return Number(hz.toPrecision(6));
}
