import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '@sensorkit/dsp';
import { fingerprintData, fingerprintFiles, sha256File } from './fingerprint.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sensorkit-ml-fp-'));
  await writeFile(join(dir, 'abc'), 'abc');
  await writeFile(join(dir, 'b.bin'), Buffer.from([1, 2, 3, 4]));
  await writeFile(join(dir, 'b2.bin'), Buffer.from([1, 2, 3, 5]));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('fingerprintFiles', () => {
  it('hashes a file like sha256sum (FIPS 180-2 "abc" vector)', async () => {
    expect(await sha256File(join(dir, 'abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('is the SHA-256 of the sorted per-file digests: order-free, byte-sensitive', async () => {
    const a = join(dir, 'abc');
    const b = join(dir, 'b.bin');
    const digests = [await sha256File(a), await sha256File(b)].sort();
    const expected = createHash('sha256').update(digests.join('\n')).digest('hex');
    expect(await fingerprintFiles([a, b])).toBe(expected);
    expect(await fingerprintFiles([b, a])).toBe(expected);
    expect(await fingerprintFiles([a, join(dir, 'b2.bin')])).not.toBe(expected);
    expect(await fingerprintFiles([a])).not.toBe(expected);
  });

  it('names a file it cannot read', async () => {
    await expect(fingerprintFiles([join(dir, 'missing.wav')])).rejects.toThrow(InputError);
    await expect(fingerprintFiles([join(dir, 'missing.wav')])).rejects.toThrow(/missing\.wav/);
  });
});

describe('fingerprintData', () => {
  it('matches hashlib on the length-prefixed float32 bytes', () => {
    expect(fingerprintData([])).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(fingerprintData([new Float32Array(0)])).toBe('df3f619804a92fdb4057192dc43dd748ea778adc52bc498ce80524c014b81119');
    // python: sha256(struct.pack('<I', 2) + struct.pack('<2f', 1.0, -0.5))
    expect(fingerprintData([new Float32Array([1, -0.5])])).toBe('75b3f9c28cd300626517d598d41461530b3156943da1f325d01b444bf21e6a1f');
  });

  it('tells apart a split from a join, and sees one changed sample', () => {
    const whole = new Float32Array([1, 2, 3, 4]);
    expect(fingerprintData([whole.subarray(0, 2), whole.subarray(2)])).not.toBe(fingerprintData([whole]));
    expect(fingerprintData([Float32Array.from([1, 2, 3, 4.000001])])).not.toBe(fingerprintData([whole]));
    expect(fingerprintData([whole.slice()])).toBe(fingerprintData([whole]));
  });
});
