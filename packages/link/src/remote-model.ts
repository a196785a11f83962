import type { BoardLink } from './board-link.js';
import { LinkError } from './link-error.js';
import type { BoardInfo } from './messages.js';

/**
 * An int8 model that runs on a board: `predict` takes and returns what the host's int8 interpreter
 * (runInt8 in @sensorkit/ml) does, so an app swaps one for the other; only it is asynchronous.
 */
export interface RemoteModel {
  readonly info: BoardInfo;
  /** The model's int8 output for one quantized input, computed on the board. */
  predict(input: Int8Array): Promise<Int8Array>;
  /** board counter ticks of the last predict (info.counterHz per second) */
  readonly lastTicks: number;
}

/**
 * The board's model behind a link, after checking it is the one expected (`modelId` as
 * firmwareModelId(int8, name) in @sensorkit/board computes it), so a stale firmware fails loudly.
 * @example
 * const remote = remoteModel(await BoardLink.open({ port: serialLinkPort(path) }), firmwareModelId(int8, 'gesture'));
 * const out = await remote.predict(quantizeInput(int8, features)); // = runInt8(int8, quantizeInput(int8, features))
 */
export function remoteModel(link: BoardLink, modelId?: string): RemoteModel {
  if (modelId !== undefined && link.info.modelId !== modelId) {
    throw new LinkError('protocol', `the board runs model ${link.info.modelId}; expected ${modelId} (build and flash the firmware for this model: sensorkit board build)`);
  }
  let lastTicks = 0;
  return {
    info: link.info,
    get lastTicks() {
      return lastTicks;
    },
    async predict(input: Int8Array): Promise<Int8Array> {
      const reply = await link.infer(input);
      lastTicks = reply.ticks;
      return reply.output;
    },
  };
}
