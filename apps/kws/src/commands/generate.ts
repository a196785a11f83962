import { Command } from 'commander';
import { ParameterError } from '@sensorkit/dsp';
import { generateKeywordDataset } from '../data/generate-dataset.js';
import type { KeywordDatasetOptions } from '../data/generate-options.js';
import { formatSummary } from '../data/summary.js';
import type { SynthesizerEngine } from '../data/run-synthesizer.js';
import type { CommandIo } from './command-io.js';

const BLOCK = 'kws generate';

/**
 * `sensorkit kws generate --words yes,no --out <dir>`: a keyword dataset made by speech synthesis
 * (see the kws README's Data section), with a summary of clips per class and split when done.
 * @example
 * sensorkit kws generate --words yes,no,up,down,left,right,on,off,stop,go --out datasets/generated/kws
 * sensorkit kws generate --wake-word "hey kit" --out datasets/generated/hey-kit --voices 200
 */
export function generateCommand(io: CommandIo): Command {
  return new Command('generate')
    .description('make a keyword-spotting dataset by speech synthesis (espeak-ng, flite, festival voices), with noise, rooms and cheap-microphone bands; split by voice')
    .requiredOption('-o, --out <dir>', 'dataset folder to write (new or empty)')
    .option('--words <list>', 'comma-separated target words, e.g. yes,no,up,down,left,right,on,off,stop,go')
    .option('--wake-word <phrase>', 'a wake-word phrase, e.g. "hey kit" (label hey_kit); its near-misses join _unknown_')
    .option('--seed <n>', 'dataset seed: the same options and seed give the same clips', '1')
    .option('--voices <all|n|ids>', "'all' voices, a number of them (distinct speakers first), or comma-separated voice ids (espeak-ng:en-us+f3,flite:slt)", 'all')
    .option('--engines <list>', 'synthesizers to use: espeak-ng,flite,festival', 'espeak-ng,flite,festival')
    .option('--per-voice <n>', 'renditions (pitch and rate draws) of each word per voice', '1')
    .option('--recorded-boost <n>', 'renditions of each flite/festival voice in the train split per espeak-ng rendition (there are few of them)', '16')
    .option('--val <fraction>', 'fraction of speakers held out for validation', '0.1')
    .option('--test <fraction>', 'fraction of speakers held out for test', '0.1')
    .option('--unknown <share>', '_unknown_ clips per clip of one word (default 1; 3 with a single target)')
    .option('--silence <share>', '_silence_ clips per clip of one word', '1')
    .option('--snr <low,high>', 'speech-to-noise ratio range over the word, dB', '5,30')
    .option('--jobs <n>', 'synthesizer processes at once (1 or 2)', '2')
    .option('--parts', 'also write each clip\'s speech and noise parts under <out>/parts/ (float32), to check the mix')
    .option('--force', 'replace a keyword dataset already in --out')
    .option('--json', 'print the summary as JSON')
    .action(async (flags: Record<string, string | boolean | undefined>) => {
      const options = keywordOptions(flags);
      let shown = -1;
      options.onProgress = (done, total) => {
        const tenth = Math.floor((10 * done) / total);
        if (tenth > shown) io.stderr.write(`kws generate: ${done}/${total} clips\n`);
        shown = tenth;
      };
      const { dir, summary } = await generateKeywordDataset(options);
      io.stdout.write(flags.json ? `${JSON.stringify({ dir, ...summary })}\n` : `${dir}\n${formatSummary(summary)}\n`);
    });
}

/** The flags as generator options; numbers that do not parse are usage errors naming the flag and text. */
export function keywordOptions(flags: Record<string, string | boolean | undefined>): KeywordDatasetOptions {
  const number = (flag: string, key: string): number | undefined => {
    const text = flags[key];
    if (text === undefined) return undefined;
    const n = Number(text);
    if (typeof text !== 'string' || text.trim() === '' || !Number.isFinite(n)) throw new ParameterError(BLOCK, `--${flag}`, text, 'a number');
    return n;
  };
  const list = (text: string | boolean | undefined): string[] | undefined => (typeof text === 'string' ? text.split(',').map((w) => w.trim()).filter((w) => w !== '') : undefined);
  const snr = list(flags.snr)?.map(Number);
  if (!snr || snr.length !== 2 || !snr.every(Number.isFinite) || snr[0]! > snr[1]!) throw new ParameterError(BLOCK, '--snr', flags.snr, 'two numbers low,high in dB, low <= high, e.g. 5,30');
  const voicesText = String(flags.voices);
  const voices = voicesText === 'all' ? 'all' : /^\d+$/.test(voicesText) ? Number(voicesText) : list(voicesText)!;
  const words = list(flags.words);
  if (typeof flags.words === 'string' && words!.length === 0) throw new ParameterError(BLOCK, '--words', flags.words, 'a comma-separated list of at least one word');
  const out: KeywordDatasetOptions = {
    out: String(flags.out),
    seed: number('seed', 'seed')!,
    voices,
    engines: list(flags.engines) as SynthesizerEngine[],
    perVoice: number('per-voice', 'perVoice')!,
    recordedBoost: number('recorded-boost', 'recordedBoost')!,
    validation: number('val', 'val')!,
    test: number('test', 'test')!,
    silenceShare: number('silence', 'silence')!,
    jobs: number('jobs', 'jobs')!,
    augmentation: { snrDb: [snr[0]!, snr[1]!] },
    writeParts: flags.parts === true,
    overwrite: flags.force === true,
  };
  if (words) out.words = words;
  if (typeof flags.wakeWord === 'string') out.wakeWord = flags.wakeWord;
  const unknown = number('unknown', 'unknown');
  if (unknown !== undefined) out.unknownShare = unknown;
  return out;
}
