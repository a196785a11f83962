"""Rational resampling references: scipy.signal.resample_poly with its default Kaiser(5) filter.

The float32 test signal is passed to resample_poly as float64, so the reference is computed in double
precision (scipy would otherwise design and filter in float32 and be the noisier of the two).
References are rounded to 12 significant digits (far below float32 resolution) to keep the JSON small.
"""
import numpy as np
from scipy.signal import resample_poly

from golden_common import test_signal


def f32list(a):
    """float32 values by their shortest repr: parsing with Math.fround gives back the exact float32."""
    return [float(str(v)) for v in np.asarray(a, dtype=np.float32)]


def reflist(a):
    return [float(f'{v:.12g}') for v in np.asarray(a, dtype=np.float64)]


def make():
    cases = []
    for src, dst, n in [(48000, 16000, 900), (44100, 16000, 900), (22050, 16000, 700), (16000, 44100, 400),
                        (16000, 48000, 400), (16000, 16000, 50), (8000, 11025, 301)]:
        x = test_signal(n, src, seed=11)
        g = np.gcd(src, dst)
        y = resample_poly(x.astype(np.float64), dst // g, src // g)
        cases.append({'from': src, 'to': dst, 'channels': 1, 'kaiserBeta': 5.0, 'input': f32list(x), 'output': reflist(y)})

    # Stereo, with a non-default window shape.
    x = np.stack([test_signal(500, 44100, seed=12), test_signal(500, 44100, seed=13)], axis=1)
    y = resample_poly(x.astype(np.float64), 160, 441, axis=0, window=('kaiser', 8.0))
    cases.append({'from': 44100, 'to': 16000, 'channels': 2, 'kaiserBeta': 8.0,
                  'input': f32list(x.ravel()), 'output': reflist(y.ravel())})
    return {'resample': {'cases': cases}}
