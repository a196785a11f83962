import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { ParameterError } from '@sensorkit/dsp';
import { currentBackend, describeBackend, initBackend, type BackendPreference } from './backend.js';

async function tfjsNodeLoads(): Promise<boolean> {
  try {
    const specifier = '@tensorflow/tfjs-node';
    await import(specifier);
    return true;
  } catch {
    return false;
  }
}

function denseOutput(): Float32Array {
  // Same inputs on every backend: a 3x4 by 4x2 product plus a bias, through relu.
  return tf.tidy(() => {
    const x = tf.tensor2d([[1, -2, 3, 0.5], [0, 1, -1, 2], [0.25, 0.5, 0.75, 1]]);
    const w = tf.tensor2d([[0.1, -0.2], [0.3, 0.4], [-0.5, 0.6], [0.7, -0.8]]);
    return tf.relu(tf.matMul(x, w).add(tf.tensor1d([0.05, -0.05]))).dataSync() as Float32Array;
  });
}

describe('initBackend', () => {
  it('picks tfjs-node when it loads, else WASM, and says why', async () => {
    expect(describeBackend()).toMatch(/not initialised/);
    const nodeLoads = await tfjsNodeLoads();
    const choice = await initBackend();
    expect(choice.backend).toBe(nodeLoads ? 'tensorflow' : 'wasm');
    if (!nodeLoads) expect(choice.note).toMatch(/^tfjs-node unavailable: /);
    expect(tf.getBackend()).toBe(choice.backend);
    expect(describeBackend()).toBe(`backend: ${choice.backend} (${choice.note})`);
    expect(currentBackend()).toEqual(choice);
  });

  it('is idempotent: a second call returns the same choice without switching', async () => {
    const first = await initBackend();
    const second = await initBackend('auto');
    expect(second).toBe(first);
  });

  it('honours an explicit preference, then keeps it for later auto calls', async () => {
    const expected = denseOutput();
    const cpu = await initBackend('cpu');
    expect(cpu).toEqual({ backend: 'cpu', note: 'requested' });
    expect(tf.getBackend()).toBe('cpu');
    const onCpu = denseOutput();
    expect(await initBackend()).toBe(cpu);
    const wasm = await initBackend('wasm');
    expect(wasm).toEqual({ backend: 'wasm', note: 'requested' });
    expect(tf.getBackend()).toBe('wasm');
    // Every backend computes the same dense layer, to float32 rounding, as the product worked by hand.
    const onWasm = denseOutput();
    const byHand = [0, 0.35, 2.25, 0, 0.55, 0];
    for (const output of [expected, onCpu, onWasm]) {
      byHand.forEach((value, i) => expect(output[i]).toBeCloseTo(value, 6));
    }
  });

  it('refuses an unknown preference with a ParameterError', () => {
    expect(() => initBackend('gpu' as BackendPreference)).toThrow(ParameterError);
    expect(() => initBackend('gpu' as BackendPreference)).toThrow(/preference = "gpu"; expected one of "auto", "node", "wasm", "cpu"/);
  });
});
