import { spawn } from 'node:child_process';
import { Command, Option } from 'commander';
import { runDemo } from '../demo/index.js';
import { nonNegativeInteger, positiveNumber, type CommandIo } from '../detect/command-options.js';

/** Opens `url` in the desktop's browser when there is a desktop; says so either way, never fails the demo. */
function openBrowser(url: string, io: CommandIo): void {
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    io.stderr.write('sensorkit: no desktop session here: open the dashboard URL in a browser yourself\n');
    return;
  }
  const child = spawn('xdg-open', [url], { stdio: 'ignore', detached: true });
  child.on('error', () => io.stderr.write('sensorkit: could not start a browser (xdg-open): open the URL yourself\n'));
  child.unref();
}

/**
 * `sensorkit anomaly demo`: the predictive-maintenance demo (also `pnpm demo`): a simulated fleet in
 * accelerated time, detectors trained on healthy commissioning data, a live dashboard and a terminal view.
 */
export function demoCommand(io: CommandIo): Command {
  return new Command('demo')
    .description('predictive-maintenance demo: a simulated fleet (healthy, bearing fault, imbalance) scored live, with a dashboard on localhost')
    .addOption(new Option('--duration <s>', 'seconds of machine run to simulate').argParser(positiveNumber).default(300))
    .addOption(new Option('--speed <x>', 'times real time; 0 = as fast as the CPU allows').argParser((v: string) => (v === '0' ? 0 : positiveNumber(v))).default(10))
    .addOption(new Option('--port <n>', 'dashboard port on 127.0.0.1 (0 = any free port)').argParser(nonNegativeInteger).default(8377))
    .option('--no-browser', 'do not open a browser on the dashboard (the URL is printed either way)')
    .addOption(new Option('--detector <kind>', 'detector per machine').choices(['gaussian', 'kmeans', 'autoencoder', 'auto']).default('gaussian'))
    .addOption(new Option('--seed <n>', 'seed of the fleet and the training').argParser(nonNegativeInteger).default(1))
    .option('--exit', 'exit when the run ends instead of keeping the dashboard up until Ctrl-C')
    .action(async (o: { duration: number; speed: number; port: number; browser: boolean; detector: 'gaussian'; seed: number; exit?: boolean }) => {
      const abort = new AbortController();
      const stop = (): void => abort.abort();
      process.once('SIGINT', stop);
      const tty = (io.stdout as { isTTY?: boolean }).isTTY === true;
      try {
        const report = await runDemo({
          duration: o.duration,
          speed: o.speed,
          port: o.port,
          detector: o.detector,
          seed: o.seed,
          out: io.stdout,
          tty,
          signal: abort.signal,
          onDashboard: (url) => (o.browser ? openBrowser(url, io) : undefined),
        });
        // A person at a terminal keeps the dashboard to look at; scripts and CI get their exit.
        if (tty && !o.exit && !process.env.CI && !abort.signal.aborted) {
          io.stdout.write(`\nthe dashboard stays up at ${report.url}: Ctrl-C to exit\n`);
          await new Promise<void>((resolve) => abort.signal.addEventListener('abort', () => resolve(), { once: true }));
        }
        await report.dashboard.close();
        // A run stopped early may end before a fault's onset: only a whole run is held to its verdicts.
        const missed = report.completed ? report.outcomes.filter((m) => !m.correct) : [];
        if (missed.length) throw new Error(`the demo's detectors missed: ${missed.map((m) => m.machine).join(', ')}`);
      } finally {
        process.removeListener('SIGINT', stop);
      }
    });
}
