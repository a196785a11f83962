/** Small, dependency-free timing helpers for `pnpm bench`: warm up, then time whole batches for at least `seconds`. */

export interface Rate {
  /** operations per second (best of the timed rounds) */
  perSecond: number;
  /** microseconds per operation at that rate */
  microseconds: number;
}

/** Calls `op(i)` repeatedly; returns the best rate over `rounds` rounds of at least `seconds` / rounds each. */
export function measureRate(op: (i: number) => void, seconds = 1, rounds = 5): Rate {
  let i = 0;
  const warmEnd = performance.now() + 200;
  while (performance.now() < warmEnd) for (let j = 0; j < 100; j++) op(i++);
  let best = 0;
  for (let r = 0; r < rounds; r++) {
    let count = 0;
    const start = performance.now();
    const end = start + (seconds * 1000) / rounds;
    let now = start;
    while (now < end) {
      for (let j = 0; j < 100; j++) op(i++);
      count += 100;
      now = performance.now();
    }
    best = Math.max(best, (count * 1000) / (now - start));
  }
  return { perSecond: best, microseconds: 1e6 / best };
}

/** Seconds of processing per second of signal (lower is better) and its inverse, "x real time". */
export function realTimeFactor(processSeconds: number, signalSeconds: number): { rtf: number; speed: number } {
  return { rtf: processSeconds / signalSeconds, speed: signalSeconds / processSeconds };
}

/** Runs `fn` once and returns elapsed seconds (best of `rounds`). */
export function timeBest(fn: () => void, rounds = 3): number {
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t = performance.now();
    fn();
    best = Math.min(best, (performance.now() - t) / 1000);
  }
  return best;
}

/** Heap growth in bytes while running `op` `count` times (after a GC when node runs with --expose-gc). */
export function heapGrowth(op: (i: number) => void, count: number): { bytes: number; gcExposed: boolean } {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 10_000; i++) op(i);
  gc?.();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < count; i++) op(i);
  gc?.();
  return { bytes: process.memoryUsage().heapUsed - before, gcExposed: gc !== undefined };
}

export function formatRate(n: number): string {
  return n >= 1e6 ? `${(n / 1e6).toFixed(2)} M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)} k` : n.toFixed(1);
}

/** Prints rows as an aligned text table (also valid Markdown). */
export function printTable(title: string, header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, c) => Math.max(...cells.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]): string => `| ${r.map((v, c) => v.padEnd(widths[c]!)).join(' | ')} |`;
  console.log(`\n${title}\n`);
  console.log(line(header));
  console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
  for (const r of cells.slice(1)) console.log(line(r));
}
