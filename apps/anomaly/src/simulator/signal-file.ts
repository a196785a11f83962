import { open, type FileHandle } from 'node:fs/promises';
import { extname } from 'node:path';
import { ParameterError, requireOneOf } from '@sensorkit/dsp';
import { CsvWriter, encodeSamples, WavWriter } from '@sensorkit/io';

export const SIMULATION_FORMATS = ['wav', 'f32', 'csv'] as const;
export type SimulationFormat = (typeof SIMULATION_FORMATS)[number];

const EXTENSIONS: Record<string, SimulationFormat> = { '.wav': 'wav', '.f32': 'f32', '.csv': 'csv' };

/** Appends mono samples (g) to a file, then closes it. */
export interface SignalFileWriter {
  write(samples: Float32Array): Promise<void>;
  close(): Promise<void>;
}

/** The format a file name's extension names (.wav, .f32, .csv), if any. */
export function formatFromExtension(path: string): SimulationFormat | undefined {
  return EXTENSIONS[extname(path).toLowerCase()];
}

/**
 * The format of a target file: `format` when given (it must agree with a known extension), else from
 * the extension (.wav, .f32, .csv), else WAV.
 */
export function formatForPath(path: string, format?: string): SimulationFormat {
  const fromExtension = formatFromExtension(path);
  if (format === undefined) return fromExtension ?? 'wav';
  const chosen = requireOneOf('writeSimulation', 'format', format, SIMULATION_FORMATS);
  if (fromExtension !== undefined && fromExtension !== chosen) {
    throw new ParameterError('writeSimulation', 'format', format, `"${fromExtension}" for ${path} (or a file name with .${chosen})`);
  }
  return chosen;
}

/**
 * Opens a mono signal file for streaming: WAV as 32-bit float (values in g as stored), raw little-endian
 * float32 (.f32), or CSV with columns time (s) and accel_g.
 */
export async function openSignalFile(path: string, format: SimulationFormat, sampleRate: number): Promise<SignalFileWriter> {
  if (format === 'wav') {
    const wav = await WavWriter.open(path, { sampleRate, channels: 1, format: 'float32' });
    return { write: (samples) => wav.write(samples), close: async () => void (await wav.close()) };
  }
  if (format === 'f32') return rawWriter(await open(path, 'w'));
  const csv = await CsvWriter.open(path, { columns: ['time', 'accel_g'] });
  let index = 0;
  return {
    async write(samples) {
      for (let i = 0; i < samples.length; i++, index++) {
        // Time as double-precision text: float32 would blur sample times after a few seconds.
        await csv.writeRow([String(Number((index / sampleRate).toPrecision(12))), samples[i]!]);
      }
    },
    close: async () => void (await csv.close()),
  };
}

function rawWriter(fh: FileHandle): SignalFileWriter {
  return {
    async write(samples) {
      const bytes = new Uint8Array(samples.length * 4);
      encodeSamples('float32', samples, new DataView(bytes.buffer), 0);
      await fh.write(bytes);
    },
    close: () => fh.close(),
  };
}
