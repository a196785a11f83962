import { ParameterError } from './errors.js';

/*
 * Option checks shared by every plan constructor. Each returns the checked value so a plan can be
 * built in one expression, and each throws a ParameterError naming block, argument and range.
 */

export function requireFinite(block: string, argument: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ParameterError(block, argument, value, 'a finite number');
  }
  return value;
}

export function requirePositive(block: string, argument: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new ParameterError(block, argument, value, 'a finite number > 0');
  }
  return value;
}

export function requireInRange(
  block: string,
  argument: string,
  value: unknown,
  min: number,
  max: number,
  options: { minExclusive?: boolean; maxExclusive?: boolean; hint?: string } = {},
): number {
  const lo = options.minExclusive ? '(' : '[';
  const hi = options.maxExclusive ? ')' : ']';
  const expected = `a number in ${lo}${min}, ${max}${hi}${options.hint ? ` (${options.hint})` : ''}`;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new ParameterError(block, argument, value, expected);
  const belowMin = options.minExclusive ? value <= min : value < min;
  const aboveMax = options.maxExclusive ? value >= max : value > max;
  if (belowMin || aboveMax) throw new ParameterError(block, argument, value, expected);
  return value;
}

export function requireInteger(
  block: string,
  argument: string,
  value: unknown,
  min: number,
  max: number = Number.MAX_SAFE_INTEGER,
  hint?: string,
): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `in ${min}..${max}`;
    throw new ParameterError(block, argument, value, `an integer ${range}${hint ? ` (${hint})` : ''}`);
  }
  return value;
}

export function isPowerOfTwo(n: number): boolean {
  return Number.isInteger(n) && n > 0 && (n & (n - 1)) === 0;
}

export function requirePowerOfTwo(block: string, argument: string, value: unknown, min = 2, max = 1 << 20): number {
  if (typeof value !== 'number' || !isPowerOfTwo(value) || value < min || value > max) {
    throw new ParameterError(block, argument, value, `a power of two in ${min}..${max}`);
  }
  return value;
}

export function requireOneOf<T extends string>(block: string, argument: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new ParameterError(block, argument, value, `one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`);
  }
  return value as T;
}

export function requireBoolean(block: string, argument: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new ParameterError(block, argument, value, 'true or false');
  return value;
}

/** A frequency strictly between 0 and Nyquist: the usual constraint on filter corners and band edges. */
export function requireBelowNyquist(block: string, argument: string, value: unknown, sampleRate: number): number {
  return requireInRange(block, argument, value, 0, sampleRate / 2, {
    minExclusive: true,
    maxExclusive: true,
    hint: `Hz, below Nyquist = ${sampleRate / 2} Hz`,
  });
}

/** Rejects option names the block does not know: a typo must not silently fall back to a default. */
export function rejectUnknownOptions(block: string, options: object, known: readonly string[]): void {
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new ParameterError(block, key, (options as Record<string, unknown>)[key], `no such option; known: ${known.join(', ')}`);
    }
  }
}
