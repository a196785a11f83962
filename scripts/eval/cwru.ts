/**
 * `pnpm eval cwru [--data <dir>] [--rate 48000|12000] [--detectors gaussian,kmeans,autoencoder]`:
 * the anomaly detectors on real bearing data (CWRU drive-end accelerometer). Normal only to train:
 * the normal baseline is one 5 s recording, so its first 3 s train and its last 2 s are the fresh
 * normal data every fault file is scored against. Runs the same CLI commands a user would, prints
 * them, and fails when a fault's AUC is under 0.99.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '@sensorkit/cli';
import { capturedOutput } from '@sensorkit/io';
import { formatMarkdownTable, type TableRow } from '@sensorkit/ml';

export interface CwruOptions {
  data: string;
  rate: 48000 | 12000;
  detectors: string[];
  /** s of the normal baseline used to train; the rest is held out */
  trainSeconds: number;
  window: number;
  hop: number;
}

interface MetaRow {
  file: string;
  rate: number;
  label: string;
  diameter: string;
  load: string;
  rpm: number;
}

interface EvalJson {
  detector: string;
  normal: { windows: number; falseAlarmRate: number; alarmStateRate: number };
  abnormal: { file: string; auc: number; pauc: number; detectionRate: number }[];
  overall: { auc: number };
}

export interface CwruResult {
  table: TableRow[];
  commands: string[];
  worstAuc: number;
}

async function readMetadata(data: string): Promise<MetaRow[]> {
  const rows = JSON.parse(await readFile(join(data, 'metadata.json'), 'utf8')) as Record<string, string | number>[];
  return rows.map((r) => ({
    file: String(r.file),
    rate: Number(r.fs_hz),
    label: String(r.label),
    diameter: String(r.fault_diameter_in),
    load: String(r.motor_load_hp),
    rpm: Number(r.rpm_in_file),
  }));
}

async function cli(args: string[], commands: string[]): Promise<string> {
  commands.push(`pnpm sensorkit ${args.join(' ')}`);
  const output = capturedOutput();
  const code = await runCli(args, output);
  const { stdout, stderr } = output.text();
  if (code !== 0) throw new Error(`sensorkit ${args.join(' ')} exited ${code}: ${stderr}`);
  return stdout;
}

export async function runCwruEval(o: CwruOptions): Promise<CwruResult> {
  const meta = await readMetadata(o.data);
  const normal = meta.find((m) => m.label === 'normal' && m.rate === o.rate);
  if (!normal) throw new Error(`${o.data}/metadata.csv: no normal recording at ${o.rate} Hz`);
  const faults = meta.filter((m) => m.label !== 'normal' && m.rate === o.rate);
  const work = await mkdtemp(join(tmpdir(), 'cwru-eval-'));
  const commands: string[] = [];
  try {
    // Raw float32: a byte slice at a sample boundary is a valid recording of its own.
    const bytes = await readFile(join(o.data, normal.file));
    const cut = Math.round(o.trainSeconds * o.rate) * 4;
    const trainFile = join(work, 'normal-train.f32');
    const heldOutFile = join(work, 'normal-heldout.f32');
    await writeFile(trainFile, bytes.subarray(0, cut));
    await writeFile(heldOutFile, bytes.subarray(cut));
    commands.push(`# ${trainFile}: seconds 0-${o.trainSeconds} of ${normal.file}; ${heldOutFile}: the rest`);
    const raw = ['--rate', String(o.rate), '--channels', '1'];
    const results = new Map<string, EvalJson>();
    for (const detector of o.detectors) {
      const model = join(work, `model-${detector}`);
      await cli(
        ['anomaly', 'train', '--input', trainFile, ...raw, '--window', String(o.window), '--hop', String(o.hop), '--bearing', 'skf-6205', '--shaft-hz', (normal.rpm / 60).toFixed(2), '--detector', detector, '--out', model],
        commands,
      );
      const json = await cli(['anomaly', 'eval', '--model', model, '--normal', heldOutFile, '--abnormal', ...faults.map((f) => join(o.data, f.file)), ...raw, '--json'], commands);
      results.set(detector, JSON.parse(json) as EvalJson);
    }
    const auc = (x: number): string => x.toFixed(4);
    const table: TableRow[] = faults.map((f, i) => ({
      fault: `${f.label.replace('_', ' ')} ${f.diameter}"`,
      'load hp': f.load,
      ...Object.fromEntries(o.detectors.map((d) => [`${d} AUC`, auc(results.get(d)!.abnormal[i]!.auc)])),
      ...Object.fromEntries(o.detectors.map((d) => [`${d} pAUC`, auc(results.get(d)!.abnormal[i]!.pauc)])),
    }));
    table.push({
      fault: 'normal (held out): false alarms',
      'load hp': normal.load,
      ...Object.fromEntries(o.detectors.map((d) => [`${d} AUC`, `${(100 * results.get(d)!.normal.falseAlarmRate).toFixed(1)} %`])),
    });
    const worstAuc = Math.min(...[...results.values()].flatMap((r) => r.abnormal.map((a) => a.auc)));
    return { table, commands, worstAuc };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

export async function main(argv: string[]): Promise<number> {
  const arg = (name: string, fallback: string): string => {
    const i = argv.indexOf(name);
    return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1]! : fallback;
  };
  const rate = Number(arg('--rate', '48000'));
  if (rate !== 48000 && rate !== 12000) throw new Error(`--rate ${arg('--rate', '')}: expected 48000 or 12000 (the CWRU sets)`);
  const options: CwruOptions = {
    data: arg('--data', '../shared/data/cwru-bearing'),
    rate,
    detectors: arg('--detectors', 'gaussian,kmeans,autoencoder').split(','),
    trainSeconds: 3,
    window: 0.1,
    hop: 0.01,
  };
  const started = performance.now();
  const result = await runCwruEval(options);
  console.log(`CWRU drive-end bearing data at ${rate} Hz (${options.data}); ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  console.log(formatMarkdownTable(result.table));
  console.log('\ncommands run:');
  for (const c of result.commands) console.log(`  ${c}`);
  const ok = result.worstAuc >= 0.99;
  console.log(`\nworst AUC ${result.worstAuc.toFixed(4)}: ${ok ? 'every fault separated (>= 0.99)' : 'BELOW 0.99: look for a bug in scaling, rate or windowing'}`);
  return ok ? 0 : 1;
}
