/**
 * A configuration mistake by the caller: a block option outside its accepted range. Kept distinct
 * from internal faults so a CLI can print it as a usage error and a library user can catch it alone.
 *
 * @example
 * throw new ParameterError('butterworth', 'order', 13, 'an integer in 1..12');
 * // butterworth: order = 13; expected an integer in 1..12
 */
export class ParameterError extends RangeError {
  override readonly name = 'ParameterError';
  constructor(
    readonly block: string,
    readonly argument: string,
    readonly value: unknown,
    readonly expected: string,
  ) {
    super(`${block}: ${argument} = ${formatValue(value)}; expected ${expected}`);
  }
}

/**
 * Data that a block cannot process (NaN samples, a chunk whose rate or channel count does not match
 * the plan). Carries the sample index where the problem was found, so a stream error points at it.
 */
export class InputError extends TypeError {
  override readonly name = 'InputError';
  constructor(
    readonly block: string,
    message: string,
    readonly sampleIndex?: number,
  ) {
    super(`${block}: ${message}`);
  }
}

/** Short, unambiguous rendering of an offending value for error messages. */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (value === undefined) return 'undefined';
  if (ArrayBuffer.isView(value)) return `${value.constructor.name}(${(value as Float32Array).length})`;
  try {
    const text = JSON.stringify(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  } catch {
    return String(value);
  }
}
