import type { DatasetEntry, DatasetManifest } from '@sensorkit/io';
import type { Augmentation } from './augmentation.js';
import type { Split } from './splits.js';

/** Version of the generator that wrote a dataset: bump when the same options would give other clips. */
export const KWS_GENERATOR_VERSION = 1;

/** The `kws` block of a keyword dataset's manifest.json. */
export interface KwsManifestBlock {
  readonly generator: number;
  readonly seed: number;
  readonly words: readonly string[];
  readonly wakeWord: string | null;
  /** class labels in model order: targets, `_unknown_`, `_silence_` */
  readonly labels: readonly string[];
  /** the resolved generator options (sizes, fractions, augmentation ranges) */
  readonly options: Record<string, unknown>;
  /** voice ids per split */
  readonly voices: Readonly<Record<Split, readonly string[]>>;
  /** noise recordings by use: mixed into train/validation, and held out (test clips, false-accept measurements) */
  readonly noise: { readonly training: readonly string[]; readonly heldOut: string };
}

/** One clip's manifest entry: a sensorkit dataset entry plus what the generator knows about it. */
export interface KwsManifestEntry extends DatasetEntry {
  readonly split: Split;
  /** voice id (`espeak-ng:en-us+f3`); null for `_silence_` */
  readonly voice: string | null;
  /** the voice's speaker (splits are by speaker); null for `_silence_` */
  readonly speaker: string | null;
  /** what is said; '' for `_silence_` */
  readonly text: string;
  /** pitch (0..1), rate factor and (recorded voices) vocal-tract warp the synthesizer used; null for `_silence_` */
  readonly prosody: { readonly pitch: number; readonly rate: number; readonly warp?: number } | null;
  /** the clip's own seed (derived from the dataset seed and the clip's identity) */
  readonly seed: number;
  readonly augmentation: Augmentation;
}

/** The whole manifest.json of a keyword dataset. */
export interface KwsManifest extends Omit<DatasetManifest, 'samples'> {
  readonly kws: KwsManifestBlock;
  readonly samples: readonly KwsManifestEntry[];
}
