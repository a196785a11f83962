/**
 * Sample rate from reading arrival times over one window, by a least-squares fit of arrival time
 * against reading number: t_k = t_0 + k / rate + latency_k.
 *
 * Why this estimator: USB and pty buffering deliver readings in bursts, so one arrival time can be late
 * by up to a burst period B. Counting readings between the first and last arrival is off by up to
 * 2B / T over a window of T seconds; the fit averages the latency over all N readings instead, for a
 * relative error of about B / (T * sqrt(N)). With the default window (>= 10 readings and >= 2 s, the
 * longer of the two) that is under 0.1% for 16 ms bursts from 1 Hz (10 s, N = 10) to kHz rates; the
 * tests see 0.15% at worst with host stalls added, where first-to-last counting is off by 0.7%.
 * Regressing time on the reading number (not the reverse) keeps the jitter in the dependent
 * variable, so the slope is not biased towards zero. The readings of the very first burst of a
 * connection are skipped: they may be a backlog the OS held before the port opened.
 * Sums are kept relative to the window start, so memory is constant whatever the window length.
 */
export class RateWindow {
  private n = 0;
  private t0 = 0;
  private lastTime = 0;
  private sumK = 0;
  private sumT = 0;
  private sumKK = 0;
  private sumKT = 0;
  private skipTime: number | undefined;

  /** Starts over; with `skipFirstBurst`, readings sharing the next arrival time are left out. */
  reset(skipFirstBurst: boolean): void {
    this.n = 0;
    this.sumK = this.sumT = this.sumKK = this.sumKT = 0;
    this.skipTime = skipFirstBurst ? Number.NaN : undefined;
  }

  /** Adds one reading that arrived at `time` (seconds, monotonic host clock). */
  add(time: number): void {
    if (this.skipTime !== undefined) {
      if (Number.isNaN(this.skipTime)) this.skipTime = time;
      if (time === this.skipTime) return;
      this.skipTime = undefined;
    }
    if (this.n === 0) this.t0 = time;
    const k = this.n;
    const t = time - this.t0;
    this.sumK += k;
    this.sumT += t;
    this.sumKK += k * k;
    this.sumKT += k * t;
    this.lastTime = time;
    this.n++;
  }

  /** Readings in the window. */
  get count(): number {
    return this.n;
  }

  /** Seconds between the first and the last arrival in the window. */
  get span(): number {
    return this.n > 0 ? this.lastTime - this.t0 : 0;
  }

  /** Whether the window holds at least `minReadings` readings over at least `minSeconds`. */
  isComplete(minReadings: number, minSeconds: number): boolean {
    return this.n >= minReadings && this.span >= minSeconds;
  }

  /** Fitted rate in Hz, or undefined with fewer than 2 readings or no time spread. */
  rate(): number | undefined {
    const n = this.n;
    if (n < 2) return undefined;
    const den = n * this.sumKK - this.sumK * this.sumK;
    const secondsPerReading = (n * this.sumKT - this.sumK * this.sumT) / den;
    return secondsPerReading > 0 ? 1 / secondsPerReading : undefined;
  }
}

/**
 * Rounds a measured rate for use as a chunk's sampleRate: to whole Hz when that moves it by under
 * 0.5% (boards run at nominal integer rates, and WAV files need whole Hz), else to 4 significant digits.
 * @example
 * roundRate(199.93); // 200
 * roundRate(1.6667); // 1.667
 */
export function roundRate(rate: number): number {
  const whole = Math.round(rate);
  if (whole >= 1 && Math.abs(whole - rate) <= 0.005 * rate) return whole;
  return Number(rate.toPrecision(4));
}
