"""FFT references (numpy.fft.rfft / numpy.fft.fft in float64) for src/fft.test.ts.

Inputs are float32, written as their shortest decimal form (which a Float32Array reads back to the
same float32); the references are computed from those exact values in float64 and written with 10
significant digits (relative error 5e-11, far below what the tests ask for) to keep the files small.
"""
import numpy as np

from golden_common import rng


def short(a, digits=10):
    return [float(f'{v:.{digits}g}') for v in np.asarray(a, dtype=np.float64).ravel()]


def float32_list(x):
    """Shortest decimal form of each float32 (parsed back by a Float32Array to the same value)."""
    return [float(str(v)) for v in np.asarray(x, dtype=np.float32).ravel()]


def real_case(name, x):
    x = np.asarray(x, dtype=np.float32)
    spectrum = np.fft.rfft(x.astype(np.float64))
    interleaved = np.stack([spectrum.real, spectrum.imag], axis=1)
    return {'name': name, 'size': len(x), 'input': float32_list(x), 'spectrum': short(interleaved)}


def complex_case(name, re, im):
    re, im = np.asarray(re, dtype=np.float32), np.asarray(im, dtype=np.float32)
    spectrum = np.fft.fft(re.astype(np.float64) + 1j * im.astype(np.float64))
    return {'name': name, 'size': len(re), 're': float32_list(re), 'im': float32_list(im),
            'outRe': short(spectrum.real), 'outIm': short(spectrum.imag)}


def make():
    r = rng(7)
    real = []
    for n in [2, 4, 8, 16, 64, 256, 512, 1024]:
        real.append(real_case(f'uniform noise {n}', r.uniform(-1, 1, n)))
    large = [real_case('uniform noise 4096', r.uniform(-1, 1, 4096))]
    for n in [8, 64]:
        t = np.arange(n)
        impulse = np.zeros(n)
        impulse[3] = 1
        real.append(real_case(f'impulse at 3, {n}', impulse))
        real.append(real_case(f'constant, {n}', np.full(n, 0.5)))
        real.append(real_case(f'alternating (Nyquist), {n}', np.where(t % 2 == 0, 0.75, -0.75)))
        real.append(real_case(f'on-bin cosine k=3, {n}', 0.9 * np.cos(2 * np.pi * 3 * t / n)))
        real.append(real_case(f'off-bin sine 5.3 cycles, {n}', 0.9 * np.sin(2 * np.pi * 5.3 * t / n + 0.2)))
    # The MFCC frame: 480 samples of a Hann-windowed tone + noise, zero-padded to 512.
    t = np.arange(480)
    hann = 0.5 - 0.5 * np.cos(2 * np.pi * t / 480)
    frame = hann * (0.6 * np.sin(2 * np.pi * 1000 * t / 16000) + 0.05 * r.standard_normal(480))
    real.append(real_case('MFCC frame: 480 windowed samples zero-padded to 512', np.concatenate([frame, np.zeros(32)])))
    # Wide dynamic range: a loud tone beside a tone 80 dB down.
    t = np.arange(1024)
    real.append(real_case('80 dB dynamic range, 1024', 0.99 * np.cos(2 * np.pi * 100 * t / 1024) + 1e-4 * np.cos(2 * np.pi * 300.5 * t / 1024)))

    complex_cases = []
    for n in [2, 8, 64, 512]:
        complex_cases.append(complex_case(f'complex noise {n}', r.uniform(-1, 1, n), r.uniform(-1, 1, n)))
    t = np.arange(256)
    complex_cases.append(complex_case('complex exponential k=-5, 256', np.cos(-2 * np.pi * 5 * t / 256), np.sin(-2 * np.pi * 5 * t / 256)))
    return {'fft': {'real': real, 'complex': complex_cases}, 'fft-4096': {'real': large}}
