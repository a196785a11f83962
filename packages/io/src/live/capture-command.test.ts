import { describe, expect, it } from 'vitest';
import { resolveCapture, type CaptureRequest } from './capture-command.js';
import { CaptureError } from './capture-error.js';

const base: CaptureRequest = { sampleRate: 16000, channels: 1, chunkFrames: 1024, device: undefined, tool: undefined, command: undefined, env: { PATH: '/bin' } };
const finder = (...names: string[]) => (name: string): string | undefined => (names.includes(name) ? `/usr/bin/${name}` : undefined);

describe('resolveCapture', () => {
  it('prefers sox, with the device in AUDIODEV and a one-chunk buffer', () => {
    const r = resolveCapture({ ...base, channels: 2, device: 'hw:1,0' }, finder('sox', 'arecord'));
    expect(r.file).toBe('/usr/bin/sox');
    expect(r.args).toEqual(['-q', '--buffer', '4096', '-d', '-t', 'raw', '-r', '16000', '-e', 'signed-integer', '-b', '16', '-c', '2', '-']);
    expect(r.env).toEqual({ PATH: '/bin', AUDIODEV: 'hw:1,0' });
  });

  it('falls back to arecord, with the device as -D', () => {
    const r = resolveCapture({ ...base, sampleRate: 48000, device: 'plughw:0' }, finder('arecord'));
    expect([r.tool, r.file]).toEqual(['arecord', '/usr/bin/arecord']);
    expect(r.args).toEqual(['-q', '-f', 'S16_LE', '-r', '48000', '-c', '1', '-t', 'raw', '-D', 'plughw:0']);
    expect(r.env).toEqual({ PATH: '/bin' });
  });

  it('uses the tool asked for even when the other is found first', () => {
    expect(resolveCapture({ ...base, tool: 'arecord' }, finder('sox', 'arecord')).tool).toBe('arecord');
  });

  it('runs an injected command as given', () => {
    const r = resolveCapture({ ...base, command: { file: '/opt/rec/capture', args: ['--raw'] } }, finder());
    expect(r).toEqual({ tool: 'capture', file: '/opt/rec/capture', args: ['--raw'], env: { PATH: '/bin' } });
  });

  it('throws a CaptureError saying what to install', () => {
    expect(() => resolveCapture(base, finder())).toThrow(CaptureError);
    expect(() => resolveCapture(base, finder())).toThrow('microphone: no audio capture tool: install sox (apt-get install sox) or alsa-utils');
    expect(() => resolveCapture({ ...base, tool: 'sox' }, finder('arecord'))).toThrow('microphone: "sox" is not on PATH: install sox (apt-get install sox)');
  });
});
