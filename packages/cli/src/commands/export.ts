import { readFile, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { Command } from 'commander';
import { checkBitExact, cortexM4Footprint, requireCIdentifier, writeModelExport } from '@sensorkit/board';
import { FEATURE_PRESETS, InputError } from '@sensorkit/dsp';
import { CARD_MD, METADATA_JSON, formatTable, loadInt8Model, loadInt8Report, loadTestVectors, saveInt8Report, withInt8Section } from '@sensorkit/ml';
import type { CliIo } from '../cli-io.js';

/**
 * `sensorkit export --model <dir> --out <dir>`: the int8 model of a model folder (written by `sensorkit
 * quantize`) as C sources for the board runtime, with the runtime itself and a README; `--size` also
 * compiles them for Cortex-M4 and reports code and constant bytes.
 */
export function exportCommand(io: CliIo): Command {
  return new Command('export')
    .description('write a quantized model as C sources (weights, quantization parameters, layer table, arena size) with the C runtime')
    .requiredOption('-m, --model <dir>', 'model folder with int8/model.json (run sensorkit quantize first)')
    .requiredOption('-o, --out <dir>', 'folder for the C sources')
    .option('--name <identifier>', 'C name of the model: <name>_model, <NAME>_ARENA_SIZE (default: the model folder name)')
    .option('--features <preset>', 'also export the feature front end of a @sensorkit/dsp preset (e.g. mlperf-kws) as C, so the board computes features from raw samples (default: the preset the model folder names, for keyword models)')
    .option('--size', 'compile for Cortex-M4 with arm-none-eabi-gcc and report code and constant bytes (saved in the model card)')
    .option('--check', 'build the C sources on this machine under ASan/UBSan and compare their outputs byte for byte with the test vectors of sensorkit quantize --save-test-vectors')
    .option('--json', 'print the result as one JSON object')
    .action(async (o: Record<string, unknown>) => {
      const dir = o.model as string;
      const name = requireCIdentifier('export', (o.name as string | undefined) ?? basename(resolve(dir)).replace(/[^A-Za-z0-9_]/g, '_').replace(/^(\d)/, '_$1'));
      const model = await loadInt8Model(dir);
      const features = (o.features as string | undefined) ?? (await presetOf(dir));
      const written = await writeModelExport(o.out as string, model, name, features ? { features } : {});
      const size = o.size ? await cortexM4Footprint(o.out as string, name, { features: Boolean(features) }) : undefined;
      const check = o.check ? await checkBitExact(o.out as string, name, written.footprint.arenaBytes, await loadTestVectors(dir, model)) : undefined;
      if (check && check.mismatches > 0) {
        throw new InputError('export', `the C build differs from the int8 interpreter on ${check.mismatches} of ${check.count} test vectors (first: ${check.first})`);
      }
      if (size) {
        const report = await loadInt8Report(dir);
        if (report) {
          const updated = { ...report, cortexM4: { runtimeBytes: size.runtimeBytes, modelBytes: size.modelBytes } };
          await saveInt8Report(dir, updated);
          const card = join(dir, CARD_MD);
          await writeFile(card, withInt8Section(await readFile(card, 'utf8').catch(() => `# ${dir}\n`), updated));
        }
      }
      const result = { out: o.out as string, name, files: written.files, footprint: written.footprint, ...(size ? { cortexM4: size } : {}), ...(check ? { check } : {}) };
      if (o.json) {
        io.stdout.write(`${JSON.stringify(result)}\n`);
        return;
      }
      io.stdout.write(`wrote ${written.files.length} files to ${o.out as string}: ${name}_model.c/.h and the runtime; see its README.md\n`);
      const rows = [
        { what: 'arena (RAM)', bytes: written.footprint.arenaBytes },
        { what: 'weights (int8)', bytes: written.footprint.weightBytes },
        { what: 'biases, requantization, tables', bytes: written.footprint.quantizationBytes },
        ...(written.features ? [{ what: `front end tables (${features ?? ''})`, bytes: written.features.tableBytes }] : []),
        ...(size ? [{ what: 'Cortex-M4 runtime code (text + data)', bytes: size.runtimeBytes }, { what: 'Cortex-M4 model constants (text + data)', bytes: size.modelBytes }] : []),
        ...(size?.features ? [{ what: 'Cortex-M4 front end code', bytes: size.features.codeBytes }, { what: 'Cortex-M4 front end tables', bytes: size.features.tableBytes }] : []),
      ];
      io.stdout.write(`${formatTable(rows)}\n`);
      if (check) io.stdout.write(`C build (gcc, ASan + UBSan) = int8 interpreter, byte for byte, on all ${check.count} test vectors\n`);
    });
}

/** The feature preset a model folder's metadata names (keyword models keep it in features.preset), if it is one the C front end has. */
async function presetOf(dir: string): Promise<string | undefined> {
  const metadata = JSON.parse(await readFile(join(dir, METADATA_JSON), 'utf8')) as { features?: { preset?: unknown } };
  const preset = metadata.features?.preset;
  return typeof preset === 'string' && preset in FEATURE_PRESETS ? preset : undefined;
}
