import { Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import { gestureClassifyCommand } from './gesture/classify.js';
import { gestureEvalCommand } from './gesture/eval.js';
import { gestureGenerateCommand } from './gesture/generate.js';
import { gestureListenCommand } from './gesture/listen.js';
import { gestureRecordCommand } from './gesture/record.js';
import { gestureTrainCommand } from './gesture/train.js';

/** `sensorkit gesture …`: IMU gesture recognition. */
export function gestureCommand(io: CliIo): Command {
  const group = new Command('gesture').description('IMU gestures: generate synthetic data, record, train a 1-D CNN, evaluate, classify recordings, listen live');
  for (const make of [gestureGenerateCommand, gestureRecordCommand, gestureTrainCommand, gestureEvalCommand, gestureClassifyCommand, gestureListenCommand]) group.addCommand(make(io));
  return group;
}
