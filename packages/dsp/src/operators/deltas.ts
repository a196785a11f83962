import { Observable, type OperatorFunction } from 'rxjs';
import type { Frame } from '../chunk.js';
import { createDeltaPlan, DeltaStream, type DeltaOptions, type DeltaPlan } from '../deltas.js';
import { InputError } from '../errors.js';

/**
 * Feature frames -> their regression deltas, N frames late (flushed with edge repetition at completion).
 * Each delta frame carries the index of the frame it belongs to.
 */
export function deltas(options: DeltaOptions | DeltaPlan): OperatorFunction<Frame, Frame> {
  const plan = 'description' in options ? options : createDeltaPlan(options);
  return (source) =>
    new Observable<Frame>((subscriber) => {
      const stream = new DeltaStream(plan);
      const pending: Frame[] = []; // input frames whose delta is not out yet: their index and rate
      const emit = (delta: Float32Array): void => {
        const of = pending.shift()!;
        subscriber.next({ data: delta.slice(), index: of.index, sampleRate: of.sampleRate, channels: 1 });
      };
      return source.subscribe({
        next(frame) {
          if (frame.data.length !== plan.features) {
            subscriber.error(new InputError('deltas', `frame of ${frame.data.length} values; expected ${plan.features}`, frame.index));
            return;
          }
          pending.push(frame);
          stream.push(frame.data, emit);
        },
        error: (err: unknown) => subscriber.error(err),
        complete() {
          stream.flush(emit);
          subscriber.complete();
        },
      });
    });
}
