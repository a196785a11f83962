import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend, quantizeModel, saveInt8Model, type Int8Model } from '@sensorkit/ml';
import { tinyConv1d } from '@sensorkit/ml/testing';
import { firmwareModelId } from '../packages/board/src/index.js';
import { cli } from '../packages/cli/test/run-cli.js';

let root: string;
let modelDir: string;
let model: Int8Model;

beforeAll(async () => {
  await initBackend();
  root = await mkdtemp(join(tmpdir(), 'sensorkit-board-cli-'));
  modelDir = join(root, 'tiny');
  const t = tinyConv1d();
  model = quantizeModel(t.model, t.inputs(50, 1));
  await saveInt8Model(modelDir, model);
}, 60_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('sensorkit board', () => {
  it('build --target host writes the firmware and says which model it carries', async () => {
    const out = join(root, 'fw-host');
    const r = await cli('board', 'build', '--model', modelDir, '--target', 'host', '--out', out, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as { file: string; modelId: string; inputSize: number };
    expect(result.modelId).toBe(firmwareModelId(model, 'tiny'));
    expect(result.inputSize).toBe(60);
    expect(existsSync(result.file)).toBe(true);
  });

  it('build for qemu-mps2-an386 reports flash and RAM', async () => {
    const r = await cli('board', 'build', '--model', modelDir, '--out', join(root, 'fw-qemu'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/flash \(text \+ data\)\s+\|?\s*\d+/);
    expect(r.stdout).toMatch(/RAM \(data \+ bss\)/);
  });

  it('run boots the board on QEMU, prints its serial device and the model it answered with, and stops', async () => {
    const r = await cli('board', 'run', '--model', modelDir, '--icount', '0', '--duration', '0.3');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^serial: \/dev\/pts\/\d+\n$/);
    expect(r.stderr).toContain(`qemu-mps2-an386 board up with ${firmwareModelId(model, 'tiny')} (input 1x20x3 int8, output 1x1x4 int8`);
    expect(r.stderr).toContain('board stopped');
  }, 30_000);

  it('refuses bad options before building anything (exit 2, naming the value)', async () => {
    const cases: [string[], string][] = [
      [['board', 'build', '--model', modelDir, '--target', 'avr'], 'board build: target = "avr"; expected host or qemu-mps2-an386'],
      [['board', 'run', '--target', 'host'], 'board run: --model / --firmware = undefined; expected exactly one of them'],
      [['board', 'run', '--model', modelDir, '--icount', '-1'], 'board run: --icount = "-1"; expected an integer in 0..10'],
      [['board', 'run', '--model', modelDir, '--duration', 'soon'], 'board run: --duration = "soon"; expected a positive number of seconds'],
      [['board', 'run', '--target', 'host', '--model', modelDir, '--icount', '0'], 'board run: --icount = "0"; expected no value with --target host'],
    ];
    for (const [argv, message] of cases) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
    }
  });

  it('names a model folder without an int8 model (exit 1)', async () => {
    const r = await cli('board', 'build', '--model', join(root, 'nothing-here'), '--target', 'host');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nothing-here');
  });
});
