import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/main.js';
import { MonitorModel } from '../../src/commands/monitor/monitor-model.js';
import { formatReading, renderMonitor, renderMonitorLine, sparkline, toDbfs } from '../../src/commands/monitor/render-monitor.js';
import { cli } from '../run-cli.js';

/** Runs the CLI with captured stdout; `tty` makes stdout look like a terminal; `onOutput` sees text as it comes. */
async function run(argv: string[], options: { tty?: boolean; onOutput?: (all: string) => void } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = Object.assign(new PassThrough(), { isTTY: options.tty === true });
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (b: Buffer) => {
    out += b.toString();
    options.onOutput?.(out);
  });
  stderr.on('data', (b: Buffer) => (err += b.toString()));
  const code = await runCli(argv, { stdout, stderr });
  return { code, stdout: out, stderr: err };
}

describe('monitor renderer', () => {
  it('draws sparklines with unicode blocks from low to high', () => {
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7], 0, 7)).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([-5, 10], 0, 1)).toBe('▁█');
    expect(sparkline([2, 2], 2, 2)).toBe('▄▄');
    expect(toDbfs(0.5)).toBeCloseTo(-6.0206, 3);
    expect(toDbfs(0)).toBe(-90);
    expect([0.12345, -1234.5, 1e-5, 0].map(formatReading)).toEqual(['0.123', '-1235', '1.00e-5', '0.000']);
  });

  it('renders a known sensor state: values, window min/max, sparkline of bucket means, counters, events', () => {
    // 3 s of history in 6 buckets of 50 readings at 100 Hz; axis x ramps 0..5 by bucket, y is constant.
    const model = new MonitorModel({ source: 'serial:/dev/ttyACM0', kind: 'sensor', historySeconds: 3, buckets: 6 });
    model.pushEvent({ kind: 'connected', at: 0, message: 'opened /dev/ttyACM0 at 115200 baud' });
    model.pushEvent({ kind: 'detected', at: 0, sampleRate: 100, axes: ['aX', 'aY'], message: 'detected 100 Hz, axes aX, aY' });
    for (let b = 0; b < 8; b++) {
      const samples = new Float32Array(100);
      for (let f = 0; f < 50; f++) samples.set([b, -1], 2 * f);
      model.pushChunk({ samples, sampleRate: 100, channels: 2, index: 50 * b });
    }
    model.pushEvent({ kind: 'gap', at: 400, samples: 12, seconds: 0.12, message: 'lost 12 readings while reconnecting' });
    const stats = { readings: 400, badLines: 3, overflowDropped: 1, reconnects: 1, gapSamples: 12, sampleRate: 100, axes: ['aX', 'aY'] };
    expect(renderMonitor(model.state(stats))).toEqual([
      'sensorkit monitor  serial:/dev/ttyACM0  [connected]',
      '100 Hz  2 axes  t 4.00 s  400 readings',
      'axis      value        min        max  last 3 s (mean)',
      'aX        7.000      2.000      7.000  ▁▂▄▅▇█',
      'aY       -1.000     -1.000     -1.000  ▄▄▄▄▄▄',
      'bad lines 3  dropped 1  gaps 1 (12 samples)  reconnects 1',
      'event: opened /dev/ttyACM0 at 115200 baud',
      'event: detected 100 Hz, axes aX, aY',
      'event: lost 12 readings while reconnecting',
    ]);
    expect(renderMonitorLine(model.state(stats))).toBe('t 4.00 s  100 Hz  aX 7.000 [2.000 .. 7.000]  aY -1.000 [-1.000 .. -1.000]  bad 3  dropped 1  gaps 1  connected');
  });

  it('shows audio as RMS level in dBFS, the same whatever the chunk sizes', () => {
    const render = (chunkFrames: number): string[] => {
      const model = new MonitorModel({ source: 'mic:default', kind: 'audio', historySeconds: 1, buckets: 4 });
      const signal = Float32Array.from({ length: 8000 }, (_, i) => (i < 4000 ? 0.001 : 0.5) * (i % 2 ? 1 : -1));
      for (let i = 0; i < signal.length; i += chunkFrames) model.pushChunk({ samples: signal.slice(i, i + chunkFrames), sampleRate: 8000, channels: 1, index: i });
      model.markEnded();
      return renderMonitor(model.state());
    };
    const lines = render(8000);
    expect(lines).toEqual([
      'sensorkit monitor  mic:default  [ended]',
      '8000 Hz  1 axis  t 1.00 s  8000 readings',
      'axis      value        min        max  last 1 s (dBFS)',
      'ch0       0.500     -0.500      0.500  ▁▁▇▇', // -60 dBFS and -6 dBFS on a -60..0 scale
      `level  ch0 ${toDbfs(Math.sqrt((0.001 ** 2 + 0.25) / 2)).toFixed(1)} dBFS (rms ${formatReading(Math.sqrt((Math.fround(0.001) ** 2 + 0.25) / 2))})`,
      'bad lines 0  dropped 0  gaps 0 (0 samples)  reconnects 0',
    ]);
    for (const size of [1, 333, 1024]) expect(render(size)).toEqual(lines);
  });
});

describe('sensorkit monitor', () => {
  it('prints a line per second and a summary for --duration in a non-TTY, then exits 0', async () => {
    const result = await run(['monitor', '--generate', 'sine:5*0.5', '--rate', '1000', '--duration', '1']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^event: connected: generator: 1000 Hz/);
    expect(lines.filter((l) => l.startsWith('t '))).toEqual([expect.stringMatching(/^t 1\.00 s {2}1000 Hz {2}ch0 -?0\.\d+ \[-0\.500 \.\. 0\.500\] -9\.0 dBFS {2}bad 0 {2}dropped 0 {2}gaps 0 {2}connected$/)]);
    const summary = lines.slice(lines.indexOf('--') + 1);
    expect(summary[0]).toBe('sensorkit monitor  generator:sine:5*0.5  [connected]');
    expect(summary[1]).toBe('1000 Hz  1 axis  t 1.00 s  1000 readings');
    // 1 s of a 5 s window: 8 of 40 columns so far, each a 125-reading RMS near -9 dBFS.
    expect(summary[3]).toMatch(/^ch0 .* -0\.500 {6}0\.500 {2}▇{8}$/);
    expect(result.stdout).not.toContain('\x1b');
  });

  it('runs as fast as the input allows with --no-realtime, one line per second of signal', async () => {
    const result = await run(['monitor', '--generate', 'white:0.1', '--rate', '2000', '--duration', '3.5', '--no-realtime']);
    expect(result.code).toBe(0);
    const times = result.stdout.split('\n').filter((l) => l.startsWith('t ')).map((l) => l.split('  ')[0]);
    // 1024-frame chunks: the first line comes with the chunk that crosses each whole second.
    expect(times).toEqual(['t 1.02 s', 't 2.05 s', 't 3.07 s', 't 3.50 s']);
    expect(result.stdout).toContain('7000 readings');
    expect(result.stdout).toMatch(/level {2}ch0 -20\.\d dBFS/);
  });

  it('redraws in place on a terminal and restores the cursor', async () => {
    const result = await run(['monitor', '--generate', 'sine:50', '--rate', '1000', '--duration', '0.5'], { tty: true });
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('\x1b[?25l')).toBe(true);
    expect(result.stdout.endsWith('\x1b[?25h')).toBe(true);
    expect(result.stdout).toMatch(/\x1b\[\d+A\x1b\[J/);
    expect(result.stdout).toContain('500 readings');
  });

  it('ends cleanly on Ctrl-C (SIGINT), closing the source', async () => {
    let sent = false;
    const listeners = process.listenerCount('SIGINT');
    // Never hang: if the first line never comes, interrupt anyway (and fail below).
    const fallback = setTimeout(() => process.emit('SIGINT'), 10_000);
    const result = await run(['monitor', '--generate', 'sine:5', '--rate', '1000'], {
      onOutput: (all) => {
        if (!sent && /\nt 1\.\d\d s/.test(all)) {
          sent = true;
          process.emit('SIGINT');
        }
      },
    }).finally(() => clearTimeout(fallback));
    expect(result.code).toBe(0);
    expect(sent).toBe(true);
    expect(result.stdout).toContain('\n--\nsensorkit monitor  generator:sine:5  [connected]\n');
    expect(process.listenerCount('SIGINT')).toBe(listeners);
  });

  it('refuses a missing input as a usage error', async () => {
    const result = await cli('monitor', '--duration', '1');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('monitor: input = "none"; expected exactly one of --port');
  });
});
