import type { Command } from 'commander';

/**
 * The command line that ran, `sensorkit ...` with each argument shell-quoted, for model cards. commander
 * keeps the arguments given to parse() on the root command as `rawArgs` (not in its type declarations).
 */
export function invokedAs(command: Command): string {
  let root = command;
  while (root.parent) root = root.parent;
  const raw = (root as unknown as { rawArgs?: unknown }).rawArgs;
  const args = Array.isArray(raw) ? raw.map(String) : [command.name()];
  const quote = (text: string): string => (/^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`);
  return ['sensorkit', ...args.map(quote)].join(' ');
}
