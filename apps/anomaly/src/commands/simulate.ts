import { Command, InvalidArgumentError, Option } from 'commander';
import type { BearingGeometry } from '../contracts.js';
import { bearingGeometry, nonNegativeInteger, positiveInteger, positiveNumber, type CommandIo } from '../detect/command-options.js';
import { machineVariants } from '../simulator/fleet.js';
import type { FaultOptions, MachineOptions } from '../simulator/machine-options.js';
import { MACHINE_DEFAULTS } from '../simulator/machine-options.js';
import { createMachine, FAULT_KINDS, type MachinePlan } from '../simulator/machine-plan.js';
import { SIMULATION_FORMATS, type SimulationFormat } from '../simulator/signal-file.js';
import { writeRecordings, type WrittenRecording } from '../simulator/write-simulation.js';

/** A number; its range is checked by createMachine, whose ParameterError names the option and the range. */
function finiteNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError(`"${value}" is not a number.`);
  return n;
}

/**
 * `sensorkit anomaly simulate --out <file|dir> ...`: vibration recordings (g) of simulated machines with
 * their ground truth (`<file>.json`), as WAV (32-bit float), raw float32 or CSV.
 * @example
 * sensorkit anomaly simulate --out runs/ --machines 5 --fault outer-race --onset 20 --failure 100 --duration 120
 */
export function simulateCommand(io: CommandIo): Command {
  const d = MACHINE_DEFAULTS;
  return new Command('simulate')
    .description('simulate machine vibration (acceleration in g) with a bearing, imbalance or misalignment fault, and write it with its ground truth (<file>.json)')
    .requiredOption('-o, --out <file|dir>', 'output file (.wav, .f32, .csv), or a directory for one file per machine')
    .option('--rate <hz>', 'sample rate, Hz', positiveNumber, 12800)
    .option('--duration <s>', 'length of each recording, s', positiveNumber, 10)
    .addOption(new Option('--fault <kind>', 'fault the machine carries').choices(FAULT_KINDS).default('none'))
    .option('--severity <0..1>', 'constant fault severity, 0 = healthy .. 1 = failed (default: 0.5 with --fault, unless --onset/--failure)', finiteNumber)
    .option('--onset <s>', 'run-to-failure: time the fault appears, s (severity 0.1 then, growing exponentially; default 0 with --failure)', finiteNumber)
    .option('--failure <s>', 'run-to-failure: time the fault reaches severity 1, s (default: the end of the recording, with --onset)', finiteNumber)
    .option('--shaft-hz <hz>', 'mean shaft speed, Hz (rev/s; 29.95 Hz = 1797 rpm)', finiteNumber, d.shaftHz)
    .option('--load <0..1>', 'load: slows the shaft a little and scales bearing impacts and gear mesh', finiteNumber, d.load)
    .option('--bearing <geometry>', 'skf-6205, skf-6203, or balls,ballDiameter,pitchDiameter,contactAngle (mm, degrees)', bearingGeometry)
    .option('--resonance <hz>', 'structural resonance rung by bearing impacts, Hz (below rate / 2)', finiteNumber, d.resonances[0].hz)
    .option('--gear-teeth <n>', 'teeth of a gear on the shaft: mesh tone at teeth x shaft speed (0 = direct drive)', nonNegativeInteger, d.gearTeeth)
    .option('--noise <g>', 'broadband noise RMS, g', finiteNumber, d.noise)
    .option('--seed <n>', 'seed of every random number (noise, phases, impact jitter, speed drift)', nonNegativeInteger, d.seed)
    .option('--machines <n>', 'machines to simulate, each with its own seed, speed (+-3 %) and load (+-0.15); --out is then a directory', positiveInteger, 1)
    .option('--name <name>', 'machine name in file names and ground truth (with --machines n: <name>-1 .. <name>-n)', d.name)
    .addOption(new Option('--format <format>', 'file format (default: from the --out extension, else wav)').choices(SIMULATION_FORMATS))
    .action(async (options: Record<string, unknown>) => {
      const plans = machines(options);
      const written = await writeRecordings(options.out as string, plans, {
        sampleRate: options.rate as number,
        duration: options.duration as number,
        ...(options.format ? { format: options.format as SimulationFormat } : {}),
      });
      written.forEach((w, i) => io.stdout.write(`${summary(w, plans[i]!, options)}\n`));
    });
}

/** The machines the flags describe; each is built (and so checked) before any file is written. */
function machines(o: Record<string, unknown>): MachinePlan[] {
  const duration = o.duration as number;
  const base: MachineOptions = {
    name: o.name as string,
    shaftHz: o.shaftHz as number,
    load: o.load as number,
    resonances: [{ hz: o.resonance as number, damping: MACHINE_DEFAULTS.resonances[0].damping }],
    gearTeeth: o.gearTeeth as number,
    noise: o.noise as number,
    fault: faultOptions(o, duration),
    ...(o.bearing !== undefined ? { bearing: o.bearing as BearingGeometry } : {}),
  };
  return machineVariants(base, o.machines as number, o.seed as number).map((options) => createMachine(options));
}

/** The fault from the flags: none, constant severity, or a run-to-failure (failure defaults to the end). */
function faultOptions(o: Record<string, unknown>, duration: number): FaultOptions {
  const kind = o.fault as FaultOptions['kind'];
  const given = (key: 'severity' | 'onset' | 'failure'): { [k in typeof key]?: number } => (o[key] !== undefined ? { [key]: o[key] as number } : {});
  if (kind === 'none' || (o.onset === undefined && o.failure === undefined)) return { kind, ...given('severity') };
  return { kind, ...given('severity'), onset: (o.onset as number | undefined) ?? 0, failure: (o.failure as number | undefined) ?? duration };
}

function summary(w: WrittenRecording, plan: MachinePlan, o: Record<string, unknown>): string {
  const f = plan.frequencies;
  const hz = (v: number): string => v.toFixed(2);
  return (
    `wrote ${w.file}: ${w.machine}, ${plan.fault}, ${o.duration} s at ${o.rate} Hz; ` +
    `shaft ${hz(f.shaft)} Hz, BPFO ${hz(f.bpfo)}, BPFI ${hz(f.bpfi)}, BSF ${hz(f.bsf)}, FTF ${hz(f.ftf)} Hz; truth ${w.truthFile}`
  );
}
