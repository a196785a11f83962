/**
 * The firmware's built-in streaming signal (firmware/fw_stream.c), line for line: axis k of line n is a
 * triangle wave of period 50 + 17k lines and amplitude 1000, plus noise in -8..7 from xorshift32 (seed 1),
 * one draw per value in line order. Integer arithmetic only, so every target prints these numbers.
 * @example
 * streamSignal(3, 2); // [[-1000+noise, -1000+noise], [..], [..]]: what a board streaming 2 axes prints first
 */
export function streamSignal(lines: number, axes: number): number[][] {
  let state = 1;
  const out: number[][] = [];
  for (let n = 0; n < lines; n++) {
    const line: number[] = [];
    for (let k = 0; k < axes; k++) {
      const period = 50 + 17 * k;
      const phase = Math.floor((n * 4000) / period) % 4000;
      state ^= state << 13;
      state >>>= 0;
      state ^= state >>> 17;
      state ^= state << 5;
      state >>>= 0;
      const noise = (state >>> 28) - 8;
      line.push(Math.abs(phase - 2000) - 1000 + noise);
    }
    out.push(line);
  }
  return out;
}
