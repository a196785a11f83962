import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { FormatError, loadDataset, MANIFEST_FILE, readWav } from '@sensorkit/io';
import type { Augmentation } from './augmentation.js';
import type { KwsManifest, KwsManifestBlock } from './kws-manifest.js';
import { SPLITS, type Split } from './splits.js';

/** One clip of a keyword dataset, as a trainer uses it. */
export interface KeywordClip {
  /** manifest path, `<label>/<label>.<n>.wav` */
  readonly file: string;
  /** absolute path */
  readonly path: string;
  readonly label: string;
  /** index of `label` in the dataset's `labels` (the model's class index) */
  readonly labelIndex: number;
  readonly split: Split;
  /** voice id; null for `_silence_` */
  readonly voice: string | null;
  readonly speaker: string | null;
  readonly text: string;
  readonly augmentation: Augmentation;
}

/** A keyword dataset read from its folder. */
export interface KeywordDataset {
  readonly dir: string;
  /** class labels in model order: targets, `_unknown_`, `_silence_` */
  readonly labels: readonly string[];
  readonly seed: number;
  readonly wakeWord: string | null;
  /** the manifest's `kws` block: generator options, voices per split, noise files */
  readonly kws: KwsManifestBlock;
  readonly clips: readonly KeywordClip[];
  /** the clip's samples: 16000 floats in [-1, 1] (1 s at 16 kHz, mono) */
  readSamples(clip: KeywordClip): Promise<Float32Array>;
}

/** Clip length every reader can rely on. */
export const KEYWORD_CLIP_SAMPLES = 16000;

/**
 * Reads a folder written by `kws generate`: checks the manifest and every file's header (as for any
 * sensorkit dataset), then its `kws` block, a split and a known label on every clip, and returns the
 * clips in file order.
 * @example
 * const data = await readKeywordDataset('datasets/generated/kws');
 * const x = await data.readSamples(data.clips[0]!); // Float32Array(16000)
 */
export async function readKeywordDataset(dir: string): Promise<KeywordDataset> {
  const root = resolve(dir);
  const manifestPath = join(root, MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(manifestPath, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new FormatError(manifestPath, `no such file: ${root} is not a keyword dataset (make one with \`sensorkit kws generate\`)`);
    throw err;
  }
  // The checks every sensorkit dataset gets: format, version, fields, and each file's rate, channels, length.
  await loadDataset(root);
  const manifest = JSON.parse(text) as KwsManifest;
  const kws = manifest.kws as KwsManifestBlock | undefined;
  if (typeof kws !== 'object' || kws === null || !Array.isArray(kws.labels)) {
    throw new FormatError(manifestPath, 'no "kws" block with "labels": this dataset was not written by `sensorkit kws generate`');
  }
  const labelIndex = new Map(kws.labels.map((l, i) => [l, i]));
  const clips = manifest.samples.map((s, i): KeywordClip => {
    const fail = (problem: string): never => {
      throw new FormatError(manifestPath, `samples[${i}] (${s.file}): ${problem}`);
    };
    if (!labelIndex.has(s.label)) fail(`label "${s.label}" is not one of kws.labels (${kws.labels.join(', ')})`);
    if (!(SPLITS as readonly string[]).includes(s.split)) fail(`split = ${JSON.stringify(s.split)}; expected one of ${SPLITS.join(', ')}`);
    if (s.sampleRate !== 16000 || s.channels !== 1 || s.frames !== KEYWORD_CLIP_SAMPLES) fail(`${s.frames} frames of ${s.channels} channel(s) at ${s.sampleRate} Hz; expected 16000 mono samples at 16000 Hz`);
    return {
      file: s.file,
      path: join(root, ...s.file.split('/')),
      label: s.label,
      labelIndex: labelIndex.get(s.label)!,
      split: s.split,
      voice: s.voice ?? null,
      speaker: s.speaker ?? null,
      text: s.text ?? '',
      augmentation: s.augmentation,
    };
  });
  return { dir: root, labels: kws.labels, seed: kws.seed, wakeWord: kws.wakeWord, kws, clips, readSamples };
}

async function readSamples(clip: KeywordClip): Promise<Float32Array> {
  const wav = await readWav(clip.path, { strict: true });
  if (wav.sampleRate !== 16000 || wav.channels !== 1 || wav.samples.length !== KEYWORD_CLIP_SAMPLES) {
    throw new FormatError(clip.path, `${wav.samples.length / wav.channels} frames of ${wav.channels} channel(s) at ${wav.sampleRate} Hz; the keyword dataset manifest says 16000 mono samples at 16000 Hz`);
  }
  return wav.samples;
}
