import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Int8Model } from '@sensorkit/ml';
import { modelSources, type ModelSources } from './export-c.js';
import { exportReadme } from './export-readme.js';
import { RUNTIME_DIR, RUNTIME_HEADERS, RUNTIME_SOURCES } from './runtime-files.js';

export interface WrittenExport extends ModelSources {
  dir: string;
  /** every file written, relative to dir */
  files: string[];
}

/**
 * Writes a self-contained C folder for one model: `<name>_model.c/.h`, the runtime's sources and
 * headers, and a README on dropping them into firmware.
 * @example
 * await writeModelExport('build/kws-c', await loadInt8Model('models/kws'), 'kws');
 */
export async function writeModelExport(dir: string, model: Int8Model, name: string): Promise<WrittenExport> {
  const sources = modelSources(model, name);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, sources.header.file), sources.header.text);
  await writeFile(join(dir, sources.source.file), sources.source.text);
  for (const file of [...RUNTIME_SOURCES, ...RUNTIME_HEADERS]) await copyFile(join(RUNTIME_DIR, file), join(dir, file));
  await writeFile(join(dir, 'README.md'), exportReadme(sources));
  return { ...sources, dir, files: [sources.header.file, sources.source.file, ...RUNTIME_SOURCES, ...RUNTIME_HEADERS, 'README.md'] };
}
