import { Command, Option } from 'commander';
import type { Subscription } from 'rxjs';
import { ParameterError } from '@sensorkit/dsp';
import { openMicrophone, readWavHeader, replaySource, type LiveSource } from '@sensorkit/io';
import { describeBackend, initBackend, type BackendPreference } from '@sensorkit/ml';
import { keywordDetections } from '../listen/keyword-detections.js';
import { LISTEN_DEFAULTS } from '../listen/posterior-smoother.js';
import { DEFAULT_KWS_MODEL_DIR, loadKwsModel } from '../model/kws-model.js';
import type { CommandIo } from './command-io.js';
import { addListenOptions, listenOptions, numberIn } from './parse-options.js';

/**
 * `sensorkit kws listen --input <wav> | --mic [--model <dir>] [--json]`: keyword detections as they
 * happen (time, label, score), through the streaming path: DSP operators, 1 s windows every --stride,
 * the network, posterior smoothing.
 * @example
 * sensorkit kws listen --input street.wav --threshold 0.8 --json
 * sensorkit kws listen --mic
 */
export function listenCommand(io: CommandIo): Command {
  const command = new Command('listen')
    .description('spot keywords in a stream (a WAV file or the microphone) as they happen: time, label, score')
    .option('-i, --input <wav>', 'a WAV file (any rate or channel count)')
    .option('--mic', 'the microphone (through sox or arecord); Ctrl-C stops')
    .option('--device <name>', 'microphone device, e.g. "hw:1,0"')
    .option('--rate <hz>', 'microphone sample rate', numberIn('--rate', 1000, 384000, true), 16000)
    .option('--realtime', 'pace --input at its sample rate, like a live microphone')
    .option('-m, --model <dir>', 'keyword model folder', DEFAULT_KWS_MODEL_DIR)
    .option('--json', 'one JSON object per detection');
  return addListenOptions(command)
    .addOption(new Option('--backend <name>', 'TF.js backend').choices(['auto', 'wasm', 'cpu']).default('auto'))
    .action(async (o: Record<string, unknown>) => {
      if ((o.input === undefined) === (o.mic === undefined)) {
        throw new ParameterError('kws listen', 'input', o.input ?? (o.mic ? '--mic' : 'none'), 'exactly one of --input <wav> or --mic');
      }
      await initBackend(o.backend as BackendPreference);
      const notice = (message: string): void => void io.stderr.write(`sensorkit: ${message}\n`);
      notice(describeBackend());
      const kws = await loadKwsModel(o.model as string);
      const settings = { ...LISTEN_DEFAULTS, ...kws.listen, ...listenOptions(o) };
      let source: LiveSource;
      let sampleRate: number;
      let name: string;
      if (o.input !== undefined) {
        const file = o.input as string;
        const header = await readWavHeader(file); // a corrupt file is refused before anything starts
        sampleRate = header.sampleRate;
        if (header.channels > 1) notice(`${file}: ${header.channels} channels downmixed to mono`);
        if (sampleRate !== 16000) notice(`${file}: resampled from ${sampleRate} Hz to 16000 Hz`);
        source = replaySource(file, { realtime: o.realtime === true, ...(o.realtime ? { chunkFrames: Math.round(sampleRate / 50) } : {}) });
        name = file;
      } else {
        sampleRate = o.rate as number;
        if (sampleRate !== 16000) notice(`microphone at ${sampleRate} Hz, resampled to 16000 Hz`);
        source = openMicrophone({ sampleRate, ...(o.device ? { device: o.device as string } : {}) });
        name = `mic:${(o.device as string | undefined) ?? 'default'}`;
      }
      notice(
        `listening to ${name} for ${kws.labels.filter((l) => !l.startsWith('_')).join(', ')} ` +
          `(threshold ${settings.threshold}, average ${settings.averageWindow} s, suppression ${settings.suppression} s, minimum ${settings.minimumCount} windows, stride ${settings.stride} s)`,
      );
      let found = 0;
      let subscription: Subscription | undefined;
      let stop: () => void = () => undefined;
      const onSigint = (): void => stop();
      process.once('SIGINT', onSigint);
      try {
        await new Promise<void>((resolve, reject) => {
          stop = () => {
            subscription?.unsubscribe();
            resolve();
          };
          subscription = source.chunks.pipe(keywordDetections(kws, { sampleRate }, settings)).subscribe({
            next: (d) => {
              found++;
              io.stdout.write(o.json ? `${JSON.stringify({ time: round(d.time), label: d.label, score: round(d.score) })}\n` : `${d.time.toFixed(2)} s  ${d.label}  ${d.score.toFixed(3)}\n`);
            },
            error: reject,
            complete: resolve,
          });
        });
      } finally {
        process.removeListener('SIGINT', onSigint);
        await source.close();
      }
      notice(`${found || 'no'} detection(s) in ${name}`);
    });
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
