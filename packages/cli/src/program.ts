import { Command } from 'commander';
import type { CliIo } from './cli-io.js';
import { featuresCommand } from './commands/features/index.js';
import { infoCommand } from './commands/info.js';
import { monitorCommand } from './commands/monitor/index.js';
import { portsCommand } from './commands/ports.js';
import { recordCommand } from './commands/record/index.js';
import { streamCommand } from './commands/stream.js';
import { anomalyCommand } from './commands/anomaly.js';
import { gestureCommand } from './commands/gesture.js';
import { kwsCommand } from './commands/kws.js';
import { quantizeCommand } from './commands/quantize.js';
import { exportCommand } from './commands/export.js';
import { boardCommand } from './commands/board.js';

/**
 * The one `sensorkit` command line. Apps add their command groups here (kws, gesture, anomaly, ...), so
 * `sensorkit --help` always lists everything the kit can do.
 */
export function createProgram(io: CliIo): Command {
  const program = new Command('sensorkit')
    .description('sensorkit: DSP features and TinyML apps for sensor streams (audio, IMU, vibration)')
    .version('0.1.0')
    .showHelpAfterError('(add --help for usage)')
    .configureHelp({ sortSubcommands: false, showGlobalOptions: false });
  program.addCommand(featuresCommand(io));
  program.addCommand(infoCommand(io));
  program.addCommand(kwsCommand(io));
  program.addCommand(gestureCommand(io));
  program.addCommand(anomalyCommand(io));
  program.addCommand(quantizeCommand(io));
  program.addCommand(exportCommand(io));
  program.addCommand(boardCommand(io));
  program.addCommand(monitorCommand(io));
  program.addCommand(recordCommand(io));
  program.addCommand(streamCommand(io));
  program.addCommand(portsCommand(io));
  return program;
}
