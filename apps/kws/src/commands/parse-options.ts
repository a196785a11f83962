import type { Command } from 'commander';
import { ParameterError } from '@sensorkit/dsp';
import { LISTEN_DEFAULTS, type ListenOptions } from '../listen/posterior-smoother.js';

/** Commander argument parsers for the kws model commands: a bad value is a usage error naming the flag. */
export function numberIn(flag: string, min: number, max: number, integer = false): (text: string) => number {
  return (text: string) => {
    const n = Number(text);
    if (text.trim() === '' || !Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
      throw new ParameterError('kws', flag, text, `${integer ? 'an integer' : 'a number'} in [${min}, ${max}]`);
    }
    return n;
  };
}


/** The posterior-smoothing flags `eval` and `listen` share (defaults: the model's calibrated settings). */
export function addListenOptions(command: Command): Command {
  return command
    .option('--threshold <p>', `averaged score a keyword must reach (default: the model's, else ${LISTEN_DEFAULTS.threshold})`, numberIn('--threshold', 0, 1))
    .option('--average-window <s>', `seconds of window scores averaged (default ${LISTEN_DEFAULTS.averageWindow})`, numberIn('--average-window', 0, 10))
    .option('--suppression <s>', `seconds after a detection with no other (default ${LISTEN_DEFAULTS.suppression})`, numberIn('--suppression', 0, 3600))
    .option('--minimum-count <n>', `windows the average must hold (default ${LISTEN_DEFAULTS.minimumCount})`, numberIn('--minimum-count', 1, 1000, true))
    .option('--stride <s>', `seconds between scored windows, a multiple of 0.02 (default ${LISTEN_DEFAULTS.stride})`, numberIn('--stride', 0.02, 1));
}

/** The listen flags given on the command line, as ListenOptions. */
export function listenOptions(o: Record<string, unknown>): ListenOptions {
  const out: ListenOptions = {};
  if (o.threshold !== undefined) out.threshold = o.threshold as number;
  if (o.averageWindow !== undefined) out.averageWindow = o.averageWindow as number;
  if (o.suppression !== undefined) out.suppression = o.suppression as number;
  if (o.minimumCount !== undefined) out.minimumCount = o.minimumCount as number;
  if (o.stride !== undefined) out.stride = o.stride as number;
  return out;
}
