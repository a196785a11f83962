import { Command } from 'commander';
import { openSignal } from '@sensorkit/io';
import type { CliIo } from '../cli-io.js';
import { addInputOptions, signalOptions } from '../input-options.js';

/** `sensorkit info <file>`: format, rate, channels and length of a signal file, read through once. */
export function infoCommand(io: CliIo): Command {
  const command = new Command('info')
    .description('show the format, sample rate, channels and duration of a signal file')
    .argument('<file>', 'input file: .wav, .csv, or raw (.f32 float32, .s16/.pcm int16)')
    .option('--json', 'print JSON')
    .action(async (file: string, options: Record<string, unknown>) => {
      const { info, chunks } = await openSignal(file, signalOptions(options));
      let frames = 0;
      let peak = 0;
      for await (const chunk of chunks) {
        frames += chunk.samples.length / chunk.channels;
        for (const v of chunk.samples) peak = Math.max(peak, Math.abs(v));
      }
      const summary = { file, ...info, frames, seconds: frames / info.sampleRate, peak };
      if (options.json) io.stdout.write(`${JSON.stringify(summary)}\n`);
      else for (const [k, v] of Object.entries(summary)) if (v !== undefined) io.stdout.write(`${k.padEnd(12)} ${typeof v === 'object' ? JSON.stringify(v) : v}\n`);
    });
  return addInputOptions(command);
}
