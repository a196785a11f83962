import { Command } from 'commander';
import { classifyCommand, evalCommand, generateCommand, listenCommand, trainCommand } from '@sensorkit/kws';
import type { CliIo } from '../cli-io.js';

/** `sensorkit kws …`: keyword spotting and wake words on 16 kHz audio. */
export function kwsCommand(io: CliIo): Command {
  const group = new Command('kws').description('keyword spotting and wake words: generate data by speech synthesis, train, evaluate, classify, listen');
  for (const make of [generateCommand, trainCommand, evalCommand, classifyCommand, listenCommand]) group.addCommand(make(io));
  return group;
}
