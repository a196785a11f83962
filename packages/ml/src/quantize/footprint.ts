import { sizeOf } from './float-graph.js';
import type { Int8Model } from './int8-model.js';

/** Where each tensor lives in the one activation arena, and the arena's size in bytes. */
export interface ArenaLayout {
  /** byte offset of tensors[k] */
  offsets: number[];
  bytes: number;
}

/**
 * Places the chain's tensors in one arena: op k only needs tensors k and k + 1 at once, so even tensors
 * start at offset 0 and odd ones end at the arena's end, and the arena is the largest neighbouring pair.
 * @example
 * arenaLayout(model).bytes; // the static buffer a board reserves
 */
export function arenaLayout(model: Int8Model): ArenaLayout {
  const sizes = model.tensors.map((t) => sizeOf(t.shape));
  let bytes = sizes[0]!;
  for (let k = 0; k + 1 < sizes.length; k++) bytes = Math.max(bytes, sizes[k]! + sizes[k + 1]!);
  return { offsets: sizes.map((s, k) => (k % 2 === 0 ? 0 : bytes - s)), bytes };
}

/** What an int8 model costs a board: constant bytes (weights, biases, requantization, tables) and arena bytes. */
export interface Int8Footprint {
  parameters: number;
  /** int8 weights */
  weightBytes: number;
  /** int32 biases, multipliers, int8 shifts, softmax tables */
  quantizationBytes: number;
  arenaBytes: number;
}

export function int8Footprint(model: Int8Model): Int8Footprint {
  let weightBytes = 0;
  let quantizationBytes = 0;
  let parameters = 0;
  for (const op of model.ops) {
    if (op.op === 'softmax') quantizationBytes += op.table.byteLength;
    else if ('weights' in op) {
      weightBytes += op.weights.byteLength;
      quantizationBytes += op.bias.byteLength + op.multiplier.byteLength + op.shift.byteLength;
      parameters += op.weights.length + op.bias.length;
    }
  }
  return { parameters, weightBytes, quantizationBytes, arenaBytes: arenaLayout(model).bytes };
}
