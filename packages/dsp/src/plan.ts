/**
 * Every block's plan carries a description that can be saved next to a trained model and fed back to
 * the same `create…Plan` to rebuild it exactly. `version` is the implementation version of the block:
 * bump it whenever the numbers a plan produces change, so a saved model can refuse a mismatched DSP.
 */
export interface PlanDescription<Options = unknown> {
  readonly block: string;
  readonly version: number;
  readonly options: Options;
}

export interface Described<Options = unknown> {
  readonly description: PlanDescription<Options>;
}

export function describe<Options>(block: string, version: number, options: Options): PlanDescription<Options> {
  return Object.freeze({ block, version, options: Object.freeze({ ...options }) });
}
