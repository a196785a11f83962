"""Writes the WAV fixtures under packages/io/test/fixtures/ and fixtures.json, what Python reads in them.

Run: python3 packages/io/scripts/make_fixtures.py   (needs numpy and scipy; only here, never in tests)

Files come from scipy.io.wavfile.write where it can write them, and from hand-packed bytes (struct)
where it cannot: 24-bit PCM, WAVE_FORMAT_EXTENSIBLE, extra LIST/odd-size chunks. Every file is then read
back with scipy.io.wavfile.read, and the JSON records those values ("ints" for PCM as scipy returns them,
left-justified for 24-bit) and the float32 samples the kit must produce ("expected": PCM scaled by
1/2^(bits-1), 8-bit as (u - 128) / 128, float as stored), computed here with numpy.
"""
import json
import os
import struct

import numpy as np
from scipy.io import wavfile

OUT = os.path.join(os.path.dirname(__file__), '..', 'test', 'fixtures')
GUID_TAIL = bytes([0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71])


def ints(rng, n, bits):
    """Random full-range signed integers, with both extremes and zero included."""
    lo, hi = -(1 << (bits - 1)), (1 << (bits - 1)) - 1
    x = rng.integers(lo, hi, size=n, endpoint=True, dtype=np.int64)
    x[:3] = [lo, hi, 0]
    return x


def chunk(cid, payload):
    pad = b'\x00' if len(payload) % 2 else b''
    return cid + struct.pack('<I', len(payload)) + payload + pad


def fmt_plain(tag, channels, rate, bits):
    align = channels * bits // 8
    return struct.pack('<HHIIHH', tag, channels, rate, rate * align, align, bits)


def fmt_extensible(code, channels, rate, bits, mask):
    return fmt_plain(0xFFFE, channels, rate, bits) + struct.pack('<HHI', 22, bits, mask) + struct.pack('<I', code) + GUID_TAIL


def riff(chunks):
    body = b'WAVE' + b''.join(chunks)
    return b'RIFF' + struct.pack('<I', len(body)) + body


def pack24(values):
    v = np.asarray(values, dtype=np.int64) & 0xFFFFFF
    out = np.empty((v.size, 3), dtype=np.uint8)
    out[:, 0], out[:, 1], out[:, 2] = v & 0xFF, (v >> 8) & 0xFF, (v >> 16) & 0xFF
    return out.tobytes()


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.default_rng(20240611)
    made = {}

    def scipy_file(name, rate, data):
        wavfile.write(os.path.join(OUT, name), rate, data)

    def raw_file(name, data):
        with open(os.path.join(OUT, name), 'wb') as f:
            f.write(data)

    # scipy writes these directly (8-bit is unsigned in WAV, scipy takes uint8 for it).
    u8 = rng.integers(0, 255, size=200, endpoint=True).astype(np.uint8)
    u8[:3] = [0, 255, 128]
    scipy_file('pcm8_mono.wav', 8000, u8)
    scipy_file('pcm16_stereo.wav', 16000, ints(rng, 300 * 2, 16).astype(np.int16).reshape(300, 2))
    scipy_file('pcm32_stereo.wav', 48000, ints(rng, 150 * 2, 32).astype(np.int32).reshape(150, 2))
    f32 = (rng.standard_normal(250) * 0.5).astype(np.float32)
    f32[:3] = [1.5, -1.25, 0.0]  # float WAV may exceed full scale; the reader must not clip it
    scipy_file('float32_mono.wav', 22050, f32)
    scipy_file('float64_stereo.wav', 11025, (rng.standard_normal((120, 2)) * 0.3).astype(np.float64))

    # 24-bit plain PCM, odd frame count (odd data size, pad byte), an odd-sized LIST chunk before data
    # and a trailing chunk after it: the reader must skip both and honour the pad bytes.
    v24 = ints(rng, 257, 24)
    info = chunk(b'LIST', b'INFOISFT' + struct.pack('<I', 7) + b'python\x00')
    raw_file('pcm24_mono.wav', riff([chunk(b'fmt ', fmt_plain(1, 1, 44100, 24)), chunk(b'junk', b'abc'), info,
                                      chunk(b'data', pack24(v24)), chunk(b'cue ', b'\x00' * 4)]))

    # WAVE_FORMAT_EXTENSIBLE: 6-channel 24-bit PCM, and 3-channel float32 with a fact chunk.
    v24x6 = ints(rng, 90 * 6, 24)
    raw_file('ext_pcm24_6ch.wav', riff([chunk(b'fmt ', fmt_extensible(1, 6, 48000, 24, 0x3F)), chunk(b'data', pack24(v24x6))]))
    fx3 = (rng.standard_normal(110 * 3) * 0.25).astype(np.float32)
    raw_file('ext_float32_3ch.wav', riff([chunk(b'fmt ', fmt_extensible(3, 3, 1000, 32, 0)), chunk(b'fact', struct.pack('<I', 110)),
                                          chunk(b'data', fx3.astype('<f4').tobytes())]))
    # Extensible 16-bit stereo (the layout many recorders write even where it is not needed).
    v16 = ints(rng, 64 * 2, 16)
    raw_file('ext_pcm16_stereo.wav', riff([chunk(b'fmt ', fmt_extensible(1, 2, 16000, 16, 0x3)),
                                           chunk(b'data', v16.astype('<i2').tobytes())]))

    formats = {'pcm8_mono.wav': 'pcm8', 'pcm16_stereo.wav': 'pcm16', 'pcm32_stereo.wav': 'pcm32', 'float32_mono.wav': 'float32',
               'float64_stereo.wav': 'float64', 'pcm24_mono.wav': 'pcm24', 'ext_pcm24_6ch.wav': 'pcm24',
               'ext_float32_3ch.wav': 'float32', 'ext_pcm16_stereo.wav': 'pcm16'}
    for name, fmt in formats.items():
        rate, data = wavfile.read(os.path.join(OUT, name))
        channels = 1 if data.ndim == 1 else data.shape[1]
        flat = data.reshape(-1)
        entry = {'sampleRate': int(rate), 'channels': channels, 'format': fmt, 'frames': int(data.shape[0])}
        if data.dtype == np.uint8:
            entry['ints'] = flat.astype(int).tolist()
            expected = (flat.astype(np.float64) - 128) / 128
        elif data.dtype.kind == 'i':
            entry['ints'] = flat.astype(int).tolist()
            expected = flat.astype(np.float64) / float(2 ** (8 * data.dtype.itemsize - 1))
        else:
            expected = flat.astype(np.float64)
        entry['expected'] = expected.astype(np.float32).astype(np.float64).tolist()
        made[name] = entry
    with open(os.path.join(OUT, 'fixtures.json'), 'w') as f:
        json.dump(made, f, separators=(',', ':'))
    for name in sorted(made):
        print(name, os.path.getsize(os.path.join(OUT, name)), 'bytes')


if __name__ == '__main__':
    main()
