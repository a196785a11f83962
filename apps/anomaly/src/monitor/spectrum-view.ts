import {
  computeEnvelopeSpectrum,
  createDecibelPlan,
  createEnvelopeSpectrumPlan,
  createFftPlan,
  createWindowPlan,
  applyWindow,
  powerSpectrum,
  toDecibels,
  type DecibelPlan,
  type EnvelopeSpectrumPlan,
  type FftPlan,
  type WindowPlan,
} from '@sensorkit/dsp';

/** What an operator looks at: the spectrum (dB) and the envelope spectrum of the latest stretch of signal. */
export interface SpectrumView {
  spectrumHz: number[];
  spectrumDb: number[];
  envelopeHz: number[];
  envelope: number[];
}

/**
 * Computes the dashboard's two spectra of one machine from its latest samples: a Hann power spectrum in
 * dB up to `maxHz`, and the envelope spectrum of the band-passed signal up to `maxEnvelopeHz` (fault
 * lines of bearings sit well below 1 kHz). Plans and buffers are built once.
 */
export class SpectrumViewer {
  private readonly fft: FftPlan;
  private readonly window: WindowPlan;
  private readonly db: DecibelPlan;
  private readonly envelopePlan: EnvelopeSpectrumPlan;
  private readonly windowed: Float32Array;
  private readonly power: Float32Array;
  private readonly envelopeOut: Float32Array;
  private readonly spectrumBins: number;
  private readonly envelopeBins: number;

  constructor(
    readonly sampleRate: number,
    readonly spectrumLength: number,
    readonly envelopeLength: number,
    maxHz: number,
    maxEnvelopeHz: number,
  ) {
    this.fft = createFftPlan({ size: spectrumLength });
    this.window = createWindowPlan({ type: 'hann', length: spectrumLength });
    this.db = createDecibelPlan({ input: 'power', floor: 1e-12 });
    this.envelopePlan = createEnvelopeSpectrumPlan({ length: envelopeLength, sampleRate });
    this.windowed = new Float32Array(spectrumLength);
    this.power = new Float32Array(this.fft.bins);
    this.envelopeOut = new Float32Array(this.envelopePlan.bins);
    this.spectrumBins = Math.min(this.fft.bins, Math.floor((maxHz * spectrumLength) / sampleRate) + 1);
    this.envelopeBins = Math.min(this.envelopePlan.bins, Math.floor((maxEnvelopeHz * this.envelopePlan.fftSize) / sampleRate) + 1);
  }

  /** `raw`: the last spectrumLength samples; `banded`: the last envelopeLength band-passed samples. */
  view(raw: Float32Array, banded: Float32Array): SpectrumView {
    applyWindow(this.window, raw, this.windowed);
    powerSpectrum(this.fft, this.windowed, this.power);
    // Scale so a sine of amplitude A reads 20 log10(A / sqrt 2) dB re 1 g rms, the way analysers label it.
    const scale = 2 / (this.spectrumLength * this.spectrumLength * 0.375);
    for (let k = 0; k < this.power.length; k++) this.power[k] = this.power[k]! * scale;
    toDecibels(this.db, this.power, this.power);
    computeEnvelopeSpectrum(this.envelopePlan, banded, this.envelopeOut);
    const hz = (bins: number, size: number): number[] => Array.from({ length: bins }, (_, k) => (k * this.sampleRate) / size);
    return {
      spectrumHz: hz(this.spectrumBins, this.spectrumLength),
      spectrumDb: Array.from(this.power.subarray(0, this.spectrumBins)),
      envelopeHz: hz(this.envelopeBins, this.envelopePlan.fftSize),
      envelope: Array.from(this.envelopeOut.subarray(0, this.envelopeBins)),
    };
  }
}
