import { Command, Option } from 'commander';
import { openSignal } from '@sensorkit/io';
import { positiveInteger, positiveNumber } from '../parse.js';

/** `sensorkit info <file>`: format, rate, channels and length of a signal file, read through once. */
export function infoCommand(): Command {
  return new Command('info')
    .description('show the format, sample rate, channels and duration of a signal file')
    .argument('<file>', 'input file: .wav, .csv, or raw (.f32/.raw/.bin float32, .s16/.pcm int16)')
    .option('--rate <hz>', 'sample rate in Hz (raw input)', positiveNumber)
    .option('--channels <n>', 'channel count (raw input)', positiveInteger)
    .addOption(new Option('--input-format <format>', 'input format when the extension does not say').choices(['wav', 'csv', 'f32', 's16']))
    .option('--json', 'print JSON')
    .action(async (file: string, options: { rate?: number; channels?: number; inputFormat?: string; json?: boolean }) => {
      const { info, chunks } = await openSignal(file, {
        ...(options.rate !== undefined ? { rate: options.rate } : {}),
        ...(options.channels !== undefined ? { channels: options.channels } : {}),
        ...(options.inputFormat !== undefined ? { format: options.inputFormat as never } : {}),
      });
      let frames = 0;
      let peak = 0;
      for await (const chunk of chunks) {
        frames += chunk.samples.length / chunk.channels;
        for (const v of chunk.samples) peak = Math.max(peak, Math.abs(v));
      }
      const summary = { file, ...info, frames, seconds: frames / info.sampleRate, peak };
      if (options.json) console.log(JSON.stringify(summary));
      else for (const [k, v] of Object.entries(summary)) console.log(`${k.padEnd(12)} ${typeof v === 'object' ? JSON.stringify(v) : v}`);
    });
}
