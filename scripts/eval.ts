/**
 * `pnpm eval <name> [options]`: evaluations on real data that are too long or need data the kit does
 * not ship (../shared/data), so they are not part of `pnpm test`. Each prints its numbers and the
 * commands that made them, and exits non-zero when a floor is missed.
 */
const EVALS: Record<string, { about: string; load: () => Promise<{ main: (argv: string[]) => Promise<number> }> }> = {
  cwru: { about: 'anomaly detectors on the CWRU bearing recordings (AUC per fault)', load: () => import('./eval/cwru.js') },
};

const [name, ...rest] = process.argv.slice(2);
const chosen = name === undefined ? undefined : EVALS[name];
if (!chosen) {
  console.error(`usage: pnpm eval <name> [options]; ${name === undefined ? 'no name given' : `unknown eval "${name}"`}. Evaluations:`);
  for (const [n, e] of Object.entries(EVALS)) console.error(`  ${n.padEnd(10)} ${e.about}`);
  process.exit(2);
}
process.exitCode = await (await chosen.load()).main(rest);
