import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { createRandom, ParameterError } from '@sensorkit/dsp';
import { DATASET_FORMAT, DATASET_FORMAT_VERSION, formatManifest, MANIFEST_FILE, writeWav } from '@sensorkit/io';
import { renderSilenceClip, renderWordClip, type RenderedClip } from './augmentation.js';
import { HELD_OUT_NOISE_FILE, readNoiseRecordings, TRAINING_NOISE_FILES } from './background-noise.js';
import { planClips, type ClipPlan, type PlannedClip } from './clip-plan.js';
import { resolveKeywordOptions, type KeywordDatasetOptions, type ResolvedKeywordOptions } from './generate-options.js';
import { KWS_GENERATOR_VERSION, type KwsManifest, type KwsManifestEntry } from './kws-manifest.js';
import type { NoiseRecording } from './noise-sources.js';
import { selectVoices } from './select-voices.js';
import { assignSplits, SPLITS, type Split } from './splits.js';
import { summarizeClips, type DatasetSummary } from './summary.js';
import { synthesize } from './synthesize.js';
import { listVoices, type Voice } from './voices.js';
import { unknownVocabulary } from './words.js';

/** What generateKeywordDataset wrote. */
export interface GeneratedDataset {
  /** absolute path of the dataset folder */
  readonly dir: string;
  readonly manifest: KwsManifest;
  readonly summary: DatasetSummary;
}

const BLOCK = 'kws generate';
// Voices that only speak a fixed domain (flite's talking clock) say nothing useful for other words.
const LIMITED_DOMAIN = new Set(['flite:awb_time']);
const WORK_DIR = '.work';

/**
 * Writes a keyword-spotting dataset made by speech synthesis: every target word (and a wake-word phrase)
 * spoken by every chosen voice, `_unknown_` words and near-misses, `_silence_`, each clip 1 s at 16 kHz
 * with noise, room, microphone band and level drawn from its own seed; splits by speaker; a manifest
 * (see the README's Data section). The same options give the same clips.
 * @example
 * const { summary } = await generateKeywordDataset({ out: 'data/kws', words: ['yes', 'no'], voices: 12 });
 * console.log(summary.clips);
 */
export async function generateKeywordDataset(options: KeywordDatasetOptions): Promise<GeneratedDataset> {
  const started = Date.now();
  const o = resolveKeywordOptions(options);
  const dir = resolve(o.out);
  const replace = await checkFolder(dir, o.overwrite);
  const available = (await listVoices(o.engines)).filter((v) => !LIMITED_DOMAIN.has(v.id));
  const voices = selectVoices(available, o.voices, o.seed);
  const splits = assignSplits(voices, { validation: o.validation, test: o.test, seed: o.seed });
  const plan = planClips({
    targets: o.targets,
    voices,
    splits,
    perVoice: o.perVoice,
    recordedBoost: o.recordedBoost,
    unknownShare: o.unknownShare,
    silenceShare: o.silenceShare,
    vocabulary: unknownVocabulary(o.targets),
    seed: o.seed,
  });
  const noise = {
    training: await readNoiseRecordings(o.noiseDir, TRAINING_NOISE_FILES),
    heldOut: await readNoiseRecordings(o.noiseDir, [HELD_OUT_NOISE_FILE]),
  };
  // Only now, with every option, voice and noise file checked, is anything removed or written.
  if (replace) for (const name of await readdir(dir)) await rm(join(dir, name), { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const now = (options.now ?? (() => new Date()))().toISOString();
  const entries: KwsManifestEntry[] = new Array(plan.clips.length);
  let done = 0;
  const write = async (index: number, clip: PlannedClip, rendered: RenderedClip): Promise<void> => {
    entries[index] = await writeClip(dir, clip, rendered, plan, now, o.writeParts);
    done++;
  };
  const recordingsFor = (split: Split): NoiseRecording[] => (split === 'test' ? noise.heldOut : noise.training);

  const byVoice = voices.map(() => [] as number[]);
  plan.clips.forEach((clip, i) => clip.voice !== undefined && byVoice[clip.voice]!.push(i));
  let nextVoice = 0;
  const worker = async (): Promise<void> => {
    for (let v = nextVoice++; v < voices.length; v = nextVoice++) {
      const indices = byVoice[v]!;
      const utterances = indices.map((i) => ({ text: plan.clips[i]!.text, prosody: plan.clips[i]!.prosody! }));
      const audio = await synthesize(voices[v]!, utterances, join(dir, WORK_DIR, String(v)));
      for (const [k, i] of indices.entries()) {
        const clip = plan.clips[i]!;
        await write(i, clip, renderSpoken(audio[k]!, clip, voices[v]!, recordingsFor(clip.split), o));
      }
      options.onProgress?.(done, plan.clips.length);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(o.jobs, voices.length) }, worker));
  } finally {
    await rm(join(dir, WORK_DIR), { recursive: true, force: true });
  }
  for (const [i, clip] of plan.clips.entries()) {
    if (clip.voice === undefined) await write(i, clip, renderSilenceClip(createRandom(clip.seed), o.augmentation, recordingsFor(clip.split)));
  }
  options.onProgress?.(done, plan.clips.length);

  const manifest: KwsManifest = {
    format: DATASET_FORMAT,
    version: DATASET_FORMAT_VERSION,
    name: dir.split(/[\\/]/).pop() || 'kws',
    created: now,
    kws: {
      generator: KWS_GENERATOR_VERSION,
      seed: o.seed,
      words: o.words,
      wakeWord: o.wakeWord,
      labels: plan.labels,
      options: recordedOptions(o),
      voices: Object.fromEntries(SPLITS.map((s) => [s, voices.filter((v) => splits.get(v.speaker) === s).map((v) => v.id)])) as Record<Split, string[]>,
      noise: { training: TRAINING_NOISE_FILES, heldOut: HELD_OUT_NOISE_FILE },
    },
    samples: entries,
  };
  // Written last: a folder without manifest.json is an unfinished run, never mistaken for a dataset.
  await writeFile(join(dir, MANIFEST_FILE), formatManifest(manifest as never));
  return { dir, manifest, summary: summarizeClips(manifest, (Date.now() - started) / 1000) };
}

function renderSpoken(audio: Float32Array, clip: PlannedClip, voice: Voice, recordings: readonly NoiseRecording[], o: ResolvedKeywordOptions): RenderedClip {
  try {
    return renderWordClip(audio, createRandom(clip.seed), o.augmentation, recordings);
  } catch (err) {
    throw new Error(`${voice.id} saying "${clip.text}": ${(err as Error).message}`);
  }
}

async function writeClip(dir: string, clip: PlannedClip, rendered: RenderedClip, plan: ClipPlan, recordedAt: string, parts: boolean): Promise<KwsManifestEntry> {
  const path = join(dir, ...clip.file.split('/'));
  await mkdir(dirname(path), { recursive: true });
  await writeWav(path, { sampleRate: 16000, channels: 1, format: 'pcm16', samples: rendered.mix });
  if (parts) {
    const base = join(dir, 'parts', ...clip.file.replace(/\.wav$/, '').split('/'));
    await mkdir(dirname(base), { recursive: true });
    await writeWav(`${base}.speech.wav`, { sampleRate: 16000, channels: 1, format: 'float32', samples: rendered.speech });
    await writeWav(`${base}.noise.wav`, { sampleRate: 16000, channels: 1, format: 'float32', samples: rendered.noise });
  }
  const voice = clip.voice === undefined ? undefined : plan.voices[clip.voice]!;
  return {
    file: clip.file,
    label: clip.label,
    sampleRate: 16000,
    channels: 1,
    axes: ['audio'],
    units: ['normalized'],
    source: voice ? `synth:${voice.id}` : `noise:${rendered.augmentation.noiseFile ?? rendered.augmentation.noise}`,
    recordedAt,
    frames: rendered.mix.length,
    durationSeconds: rendered.mix.length / 16000,
    split: clip.split,
    voice: voice?.id ?? null,
    speaker: voice?.speaker ?? null,
    text: clip.text,
    prosody: clip.prosody ?? null,
    seed: clip.seed,
    augmentation: rendered.augmentation,
  };
}

/**
 * Whether `dir` is fit to write into: new or empty (false), or a dataset generate wrote that `overwrite`
 * lets us replace (true). Anything else is a ParameterError; nothing is touched here.
 */
async function checkFolder(dir: string, overwrite: boolean): Promise<boolean> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return false;
    if (code === 'ENOTDIR') throw new ParameterError(BLOCK, 'out', dir, 'a folder (this is a file)');
    throw err;
  }
  if (names.length === 0) return false;
  let ours = false;
  try {
    ours = typeof JSON.parse(await readFile(join(dir, MANIFEST_FILE), 'utf8'))?.kws === 'object';
  } catch {
    ours = false;
  }
  if (ours && overwrite) return true;
  const hint = ours ? '; pass --force to replace the keyword dataset in it' : ' (it is not a keyword dataset, so it is left alone)';
  throw new ParameterError(BLOCK, 'out', dir, `a new or empty folder: it holds ${names.length} entries${hint}`);
}

function recordedOptions(o: ResolvedKeywordOptions): Record<string, unknown> {
  const { out: _out, noiseDir: _noiseDir, overwrite: _overwrite, writeParts: _writeParts, ...rest } = o;
  return rest;
}
