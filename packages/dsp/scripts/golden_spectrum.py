"""Spectrogram (numpy rfft of scipy-windowed frames), decibels (librosa power_to_db definition), and
regression deltas (python_speech_features `delta` definition with edge padding)."""
import numpy as np
from scipy.signal import get_window

from golden_common import rng, test_signal, tolist


def spectrogram(x, frame_length, hop, fft_size, window, scale):
    count = (len(x) - frame_length) // hop + 1
    frames = np.stack([x[i * hop:i * hop + frame_length] for i in range(count)]).astype(np.float64)
    w = get_window('boxcar' if window == 'rectangular' else window, frame_length, fftbins=True)
    p = np.abs(np.fft.rfft(frames * w, n=fft_size)) ** 2
    if scale == 'magnitude':
        return np.sqrt(p)
    if scale == 'db':
        return 10 * np.log10(np.maximum(p, 1e-10))
    return p


def deltas(feat, n):
    t = len(feat)
    denom = 2 * sum(i * i for i in range(1, n + 1))
    padded = np.pad(feat, ((n, n), (0, 0)), mode='edge')
    out = np.empty_like(feat)
    for i in range(t):
        out[i] = np.dot(np.arange(-n, n + 1), padded[i:i + 2 * n + 1]) / denom
    return out


def make():
    x = test_signal(1500, 8000, seed=21)
    cases = []
    for frame_length, hop, fft_size, window, scale in [(256, 128, 256, 'hann', 'power'), (200, 80, 256, 'hamming', 'magnitude'),
                                                       (100, 100, 128, 'blackman', 'db'), (64, 16, 64, 'rectangular', 'power')]:
        s = spectrogram(x, frame_length, hop, fft_size, window, scale)
        cases.append(dict(frameLength=frame_length, hop=hop, fftSize=fft_size, window=window, scale=scale, frames=s.shape[0],
                          bins=s.shape[1], data=tolist(s.ravel())))
    v = np.abs(rng(4).standard_normal(64)) ** 3
    v[5] = 0.0
    db = dict(input=tolist(v.astype(np.float32)),
              power=tolist(10 * np.log10(np.maximum(v.astype(np.float32), 1e-10))),
              magnitudeRef2=tolist(20 * np.log10(np.maximum(v.astype(np.float32), 1e-10)) - 20 * np.log10(2.0)),
              power80=tolist(np.maximum(10 * np.log10(np.maximum(v.astype(np.float32), 1e-10)),
                                        10 * np.log10(np.maximum(v.astype(np.float32), 1e-10)).max() - 80)))
    feat = rng(5).standard_normal((30, 7)).astype(np.float32)
    dcases = [dict(width=w, frames=30, features=7, deltas=tolist(deltas(feat.astype(np.float64), w).ravel())) for w in [1, 2, 3]]
    short = feat[:2]
    dcases.append(dict(width=2, frames=2, features=7, deltas=tolist(deltas(short.astype(np.float64), 2).ravel()), short=True))
    return {'spectrogram': {'signal': tolist(x), 'cases': cases}, 'decibels': db,
            'deltas': {'input': tolist(feat.ravel()), 'cases': dcases}}
