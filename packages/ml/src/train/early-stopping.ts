import { requireInteger, requireInRange } from '@sensorkit/dsp';

export interface EarlyStoppingOptions {
  /** epochs without improvement before training stops */
  patience: number;
  /** the least decrease that counts as an improvement (default 0) */
  minDelta?: number;
  /** the quantity watched (default 'val_loss' when there is validation data, else 'loss') */
  monitor?: 'val_loss' | 'loss';
}

export type EarlyStoppingVerdict = 'improved' | 'wait' | 'stop';

/**
 * Watches a loss epoch by epoch (pure: no tensors). `update` says whether this epoch is the new best
 * (snapshot the weights), whether to keep waiting, or whether patience has run out.
 */
export class EarlyStopping {
  readonly patience: number;
  readonly minDelta: number;
  private best = Number.POSITIVE_INFINITY;
  private bestAt = 0;
  private waited = 0;

  constructor(options: EarlyStoppingOptions) {
    this.patience = requireInteger('earlyStopping', 'patience', options.patience, 0);
    this.minDelta = requireInRange('earlyStopping', 'minDelta', options.minDelta ?? 0, 0, Number.MAX_VALUE);
  }

  /** Feeds the monitored value after epoch `epoch` (1-based). NaN never counts as an improvement. */
  update(epoch: number, value: number): EarlyStoppingVerdict {
    if (value < this.best - this.minDelta) {
      this.best = value;
      this.bestAt = epoch;
      this.waited = 0;
      return 'improved';
    }
    this.waited++;
    return this.waited > this.patience ? 'stop' : 'wait';
  }

  /** The best epoch so far (1-based; 0 before any improvement) and its value. */
  get bestEpoch(): number {
    return this.bestAt;
  }

  get bestValue(): number {
    return this.best;
  }
}
