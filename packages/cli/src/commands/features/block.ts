import type { Command } from 'commander';
import type { OperatorFunction } from 'rxjs';
import type { Frame, SampleChunk } from '@sensorkit/dsp';

/** What a feature block needs to know when the input is open. */
export interface BlockContext {
  /** Hz, of the input file */
  inputRate: number;
  /** parsed options of the block's subcommand */
  options: Record<string, unknown>;
  /** true when the user gave the option on the command line (not a default): flags override presets */
  explicit(option: string): boolean;
}

/** A feature block ready to run: the rate it needs, the operator, and the names of its output columns. */
export interface BuiltBlock {
  /** Hz the operator expects; the runner resamples the input when it differs */
  sampleRate: number;
  operator: OperatorFunction<SampleChunk, Frame>;
  columns: string[];
  /** the resolved DSP plan description, printed with --describe */
  plan: unknown;
}

/** One `sensorkit features <block>` subcommand. */
export interface FeatureBlock {
  name: string;
  summary: string;
  /** adds the block's own options (with units and defaults in their help) */
  configure(command: Command): void;
  build(context: BlockContext): BuiltBlock;
}
