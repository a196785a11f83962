import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Int8Model } from '@sensorkit/ml';
import { modelSources, type ModelSources } from './export-c.js';
import { exportReadme } from './export-readme.js';
import { featureSources, type FeatureSources } from './export-features.js';
import { DSP_HEADERS, DSP_SOURCES, RUNTIME_DIR, RUNTIME_HEADERS, RUNTIME_SOURCES } from './runtime-files.js';

export interface WrittenExport extends ModelSources {
  dir: string;
  /** every file written, relative to dir */
  files: string[];
  /** the front end, when one was asked for */
  features?: FeatureSources;
}

export interface ExportOptions {
  /** a feature preset of @sensorkit/dsp (e.g. 'mlperf-kws') to export as the C front end too */
  features?: string;
}

/**
 * Writes a self-contained C folder for one model: `<name>_model.c/.h`, the runtime's sources and
 * headers, and a README on dropping them into firmware.
 * @example
 * await writeModelExport('build/kws-c', await loadInt8Model('models/kws'), 'kws');
 */
export async function writeModelExport(dir: string, model: Int8Model, name: string, options: ExportOptions = {}): Promise<WrittenExport> {
  const sources = modelSources(model, name);
  const features = options.features ? featureSources(options.features, name) : undefined;
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, sources.header.file), sources.header.text);
  await writeFile(join(dir, sources.source.file), sources.source.text);
  for (const file of [...RUNTIME_SOURCES, ...RUNTIME_HEADERS]) await copyFile(join(RUNTIME_DIR, file), join(dir, file));
  const files = [sources.header.file, sources.source.file, ...RUNTIME_SOURCES, ...RUNTIME_HEADERS];
  if (features) {
    await writeFile(join(dir, features.header.file), features.header.text);
    await writeFile(join(dir, features.source.file), features.source.text);
    for (const file of [...DSP_SOURCES, ...DSP_HEADERS]) await copyFile(join(RUNTIME_DIR, file), join(dir, file));
    files.push(features.header.file, features.source.file, ...DSP_SOURCES, ...DSP_HEADERS);
  }
  await writeFile(join(dir, 'README.md'), exportReadme(sources, features));
  return { ...sources, dir, files: [...files, 'README.md'], ...(features ? { features } : {}) };
}
