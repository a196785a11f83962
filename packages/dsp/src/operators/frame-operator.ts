import { defer, map, type OperatorFunction } from 'rxjs';
import type { Frame } from '../chunk.js';
import { InputError } from '../errors.js';

/** Throws an InputError naming the frame (by its sample index) and the position of its first non-finite value. */
export function assertFiniteFrame(block: string, frame: Frame): void {
  const data = frame.data;
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    if (v - v !== 0) throw new InputError(block, `frame at sample ${frame.index}: value ${i} is ${v}; expected a finite number`, frame.index);
  }
}

/**
 * Builds a per-frame RxJS operator whose state is created on the first frame of each subscription
 * (`open` sizes it from that frame). Every frame is checked against the first one (same length, same
 * channel count, same rate) and for finiteness; a throw becomes an error notification.
 */
export function frameOperator<Out>(block: string, open: (first: Frame) => (frame: Frame) => Out): OperatorFunction<Frame, Out> {
  return (source) =>
    defer(() => {
      let first: Frame | undefined;
      let step: ((frame: Frame) => Out) | undefined;
      return source.pipe(
        map((frame: Frame): Out => {
          if (!(frame.data instanceof Float32Array)) {
            throw new InputError(block, `frame.data must be a Float32Array, got ${Object.prototype.toString.call(frame.data)}`, frame.index);
          }
          if (first && (frame.data.length !== first.data.length || frame.channels !== first.channels || frame.sampleRate !== first.sampleRate)) {
            throw new InputError(
              block,
              `frame at sample ${frame.index} has ${frame.data.length} values x ${frame.channels} channel(s) at ${frame.sampleRate} Hz; ` +
                `expected ${first.data.length} x ${first.channels} at ${first.sampleRate} Hz like the first frame`,
              frame.index,
            );
          }
          assertFiniteFrame(block, frame);
          if (!step) {
            first = frame;
            step = open(frame);
          }
          return step(frame);
        }),
      );
    });
}
