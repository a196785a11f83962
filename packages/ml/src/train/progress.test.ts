import { describe, expect, it } from 'vitest';
import { formatDuration, formatEpochProgress, ProgressPrinter } from './progress.js';

function sink(isTTY: boolean): { stream: NodeJS.WritableStream; text: () => string } {
  let text = '';
  const stream = {
    isTTY,
    write(chunk: string): boolean {
      text += chunk;
      return true;
    },
  } as unknown as NodeJS.WritableStream;
  return { stream, text: () => text };
}

describe('formatEpochProgress', () => {
  it('shows epoch k/N, losses, accuracy and the ETA from the mean epoch time', () => {
    expect(formatEpochProgress({ label: 'ae', epoch: 3, epochs: 20, loss: 0.012345, valLoss: 0.015, valAccuracy: 0.9123, elapsed: 1.5 })).toBe(
      'ae  epoch  3/20  loss 0.01235  val loss 0.01500  val acc 0.912  ETA 8.5s',
    );
    expect(formatEpochProgress({ epoch: 4, epochs: 4, loss: 2e-6, elapsed: 75 })).toBe('epoch 4/4  loss 2.000e-6  took 1m15s');
  });

  it('formats durations from milliseconds to hours', () => {
    expect([0.25, 4.24, 65, 7380, Number.NaN].map(formatDuration)).toEqual(['250ms', '4.2s', '1m05s', '2h03m', '?']);
  });
});

describe('ProgressPrinter', () => {
  it('rewrites one line in place on a terminal and ends it before the summary', () => {
    const out = sink(true);
    const printer = new ProgressPrinter(out.stream);
    printer.line('epoch 1/2');
    printer.line('epoch 2/2');
    printer.finish('done');
    expect(out.text()).toBe('\repoch 1/2\x1b[K\repoch 2/2\x1b[K\ndone\n');
  });

  it('closes a line left open when training fails, and only once', () => {
    const out = sink(true);
    const printer = new ProgressPrinter(out.stream);
    printer.line('epoch 1/2');
    printer.close();
    printer.close();
    expect(out.text()).toBe('\repoch 1/2\x1b[K\n');
  });

  it('appends one line per epoch elsewhere (logs, pipes)', () => {
    const out = sink(false);
    const printer = new ProgressPrinter(out.stream);
    printer.line('epoch 1/2');
    printer.line('epoch 2/2');
    printer.finish('done');
    expect(out.text()).toBe('epoch 1/2\nepoch 2/2\ndone\n');
  });
});
