"""Envelope references: scipy.signal.hilbert (exact length), its modulus, and the envelope spectrum.

Signals model a bearing fault: a 400 Hz resonance amplitude-modulated at 37 Hz, plus noise, at 2 kHz.
Inputs are float32 (stored by shortest repr); references are computed in float64 from those values and
rounded to 12 significant digits.
"""
import numpy as np
from scipy.signal import get_window, hilbert

from golden_common import rng


def f32list(a):
    return [float(str(v)) for v in np.asarray(a, dtype=np.float32)]


def reflist(a):
    return [float(f'{v:.12g}') for v in np.asarray(a, dtype=np.float64)]


def bearing(n, fs=2000.0, seed=0):
    t = np.arange(n) / fs
    x = (1 + 0.6 * np.cos(2 * np.pi * 37 * t)) * np.sin(2 * np.pi * 400 * t + 0.3)
    return (x + 0.05 * rng(seed).standard_normal(n)).astype(np.float32)


def make():
    hilberts = []
    for n in [2, 3, 64, 256, 999, 1000]:
        x = bearing(n, seed=n)
        z = hilbert(x.astype(np.float64))
        hilberts.append({'length': n, 'input': f32list(x), 're': reflist(z.real), 'im': reflist(z.imag),
                         'envelope': reflist(np.abs(z))})

    spectra = []
    for n, fft_size, window, scaling in [(1000, 1024, 'hann', 'amplitude'), (512, 2048, 'hamming', 'magnitude')]:
        x = bearing(n, seed=100 + n)
        env = np.abs(hilbert(x.astype(np.float64)))
        env = env - env.mean()
        w = get_window(window, n, fftbins=True)
        spec = np.abs(np.fft.rfft(env * w, fft_size))
        if scaling == 'amplitude':
            spec = spec * 2 / w.sum()
        spectra.append({'length': n, 'sampleRate': 2000, 'fftSize': fft_size, 'window': window, 'scaling': scaling,
                        'input': f32list(x), 'spectrum': reflist(spec),
                        'frequencies': reflist(np.fft.rfftfreq(fft_size, 1 / 2000))})
    return {'envelope': {'hilbert': hilberts, 'spectra': spectra}}
