"""Running / fixed normalisation and one-pole smoothing references (numpy, scipy.signal.lfilter).

Features drift in mean and scale so forgetting statistics differ visibly from cumulative ones.
The exponential statistics use the weight max(a, 1/n) for the n-th frame, which is exactly the
cumulative statistics while 1/n >= a (n <= N0 = floor(1/a)); the references are numpy mean/var for
those frames, then lfilter (not a copy of the TypeScript loop) started from that state:
  mean_t = a x_t + (1 - a) mean_{t-1}
  var_t  = (1 - a) var_{t-1} + (1 - a) a d_t^2, d_t = x_t - mean_{t-1}
"""
import numpy as np
from scipy.signal import lfilter

from golden_common import rng

EPS = 1e-10


def f32list(a):
    return [float(str(v)) for v in np.asarray(a, dtype=np.float32).ravel()]


def reflist(a):
    return [float(f'{v:.12g}') for v in np.asarray(a, dtype=np.float64).ravel()]


def ema(x, a):
    """One-pole smoothing along axis 0 started at the first row."""
    return lfilter([a], [1, -(1 - a)], x, axis=0, zi=((1 - a) * x[:1]))[0]


def make():
    frames, size = 150, 6
    t = np.arange(frames)[:, None]
    r = rng(21)
    x = (np.linspace(-3, 5, size) + 0.02 * t * np.arange(1, size + 1)
         + (1 + 0.01 * t) * r.standard_normal((frames, size)) * np.linspace(0.1, 10, size)).astype(np.float32)
    xd = x.astype(np.float64)

    cum_mean = np.cumsum(xd, axis=0) / (t + 1)
    cum_var = np.array([xd[:i + 1].var(axis=0) for i in range(frames)])
    cumulative = (xd - cum_mean) / np.sqrt(cum_var + EPS)

    # hop 160 at 16 kHz (10 ms between frames) with a 0.5 s time constant
    alpha = 1 - np.exp(-0.01 / 0.5)
    n0 = int(np.floor(1 / alpha))
    mean = cum_mean.copy()
    var = cum_var.copy()
    tail = xd[n0:]
    mean[n0:] = lfilter([alpha], [1, -(1 - alpha)], tail, axis=0, zi=((1 - alpha) * cum_mean[n0 - 1:n0]))[0]
    d = tail - mean[n0 - 1:-1]
    var[n0:] = lfilter([(1 - alpha) * alpha], [1, -(1 - alpha)], d ** 2, axis=0, zi=((1 - alpha) * cum_var[n0 - 1:n0]))[0]
    exponential = (xd - mean) / np.sqrt(var + EPS)

    fixed_mean = np.linspace(-1, 2, size)
    fixed_std = np.linspace(0.5, 4, size)
    fixed = (xd - fixed_mean) / fixed_std

    smooth_alpha = 0.2
    frames_smoothed = ema(xd, smooth_alpha)

    # 3-channel samples at 1 kHz smoothed with a 20 ms time constant
    s = (np.cumsum(r.standard_normal((700, 3)), axis=0) + r.standard_normal((700, 3))).astype(np.float32)
    sample_alpha = 1 - np.exp(-1 / (0.02 * 1000))
    samples_smoothed = ema(s.astype(np.float64), sample_alpha)

    return {'normalize': {
        'frames': frames, 'size': size, 'input': f32list(x),
        'cumulative': reflist(cumulative), 'cumulativeMean': reflist(cum_mean[-1]), 'cumulativeVar': reflist(cum_var[-1]),
        'exponentialAlpha': float(alpha), 'warmupFrames': n0, 'exponential': reflist(exponential),
        'fixedMean': fixed_mean.tolist(), 'fixedStd': fixed_std.tolist(), 'fixed': reflist(fixed),
        'smoothAlpha': smooth_alpha, 'framesSmoothed': reflist(frames_smoothed),
        'samples': f32list(s), 'sampleRate': 1000, 'sampleTimeConstant': 0.02, 'samplesSmoothed': reflist(samples_smoothed),
    }}
