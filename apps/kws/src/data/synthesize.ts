import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { readMono16k } from './read-mono.js';
import { runSynthesizer } from './run-synthesizer.js';
import type { Voice } from './voices.js';

/** How to say it: relative pitch and speaking rate, drawn per rendition of a voice. */
export interface Prosody {
  /** 0 = lowest .. 1 = highest the engine offers in our range; 0.5 = the voice's own pitch (espeak-ng only) */
  readonly pitch: number;
  /** speaking-rate factor: 1 = the voice's default, 1.2 = 20 % faster */
  readonly rate: number;
}

/** One utterance to synthesize. */
export interface Utterance {
  readonly text: string;
  readonly prosody: Prosody;
}

/** The synthesizer's output at the kit's rate: mono float samples at 16 kHz, silence around the speech included. */
export const SPEECH_RATE = 16000;

/**
 * Speaks each utterance with one voice and returns 16 kHz mono audio, in order. Every engine runs as a
 * child process writing WAV files into `workDir` (a folder under the dataset being written, removed
 * afterwards); festival speaks the whole list in one process, since its start-up costs more than a word.
 * @example
 * const [audio] = await synthesize(voice, [{ text: 'yes', prosody: { pitch: 0.5, rate: 1 } }], 'out/.work/0');
 */
export async function synthesize(voice: Voice, utterances: readonly Utterance[], workDir: string): Promise<Float32Array[]> {
  await mkdir(workDir, { recursive: true });
  try {
    const files = utterances.map((_, i) => join(workDir, `${i}.wav`));
    if (voice.engine === 'festival') {
      await runSynthesizer('festival', ['--batch', festivalScript(voice.name, utterances, files)]);
    } else {
      for (const [i, u] of utterances.entries()) await runSynthesizer(voice.engine, commandArgs(voice, u, files[i]!));
    }
    const out: Float32Array[] = [];
    for (const file of files) out.push(await readMono16k(file));
    return out;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/** Command-line arguments that make espeak-ng or flite write `u` to `file`. */
export function commandArgs(voice: Voice, u: Utterance, file: string): string[] {
  if (voice.engine === 'espeak-ng') {
    // espeak-ng pitch is 0..99 (50 default), rate in words per minute (175 default).
    const pitch = Math.round(20 + 60 * u.prosody.pitch);
    const wpm = Math.round(175 * u.prosody.rate);
    return ['-v', voice.name, '-p', String(pitch), '-s', String(wpm), '-w', file, u.text];
  }
  return ['-voice', voice.name, '--setf', `duration_stretch=${(1 / u.prosody.rate).toFixed(4)}`, '-t', u.text, '-o', file];
}

/** A festival batch program (one S-expression string) that writes every utterance to its file. */
export function festivalScript(voiceName: string, utterances: readonly Utterance[], files: readonly string[]): string {
  // Texts are letters, apostrophes and spaces only (requirePhrase), so they need no escaping inside "...".
  const lines = [`(voice_${voiceName})`];
  utterances.forEach((u, i) => {
    lines.push(`(Parameter.set 'Duration_Stretch ${(1 / u.prosody.rate).toFixed(4)})`);
    lines.push(`(utt.save.wave (utt.synth (Utterance Text "${u.text}")) "${files[i]}" 'riff)`);
  });
  return `(begin ${lines.join(' ')})`;
}
