"""Time-domain statistics references: numpy for the simple ones, scipy.stats for skew and kurtosis.

Every frame is float32 (as the kit's samples are) and every statistic is computed in float64 on it.
Where scipy returns NaN (a constant frame has no defined skewness or kurtosis) the kit defines 0.
"""
import numpy as np
from scipy import stats as st

from golden_common import rng, test_signal, tolist

ORDER = ['mean', 'rms', 'peak', 'peakToPeak', 'crest', 'skewness', 'kurtosis', 'zeroCrossingRate']


def reference(frame32):
    x = frame32.astype(np.float64)
    n = len(x)
    rms = np.sqrt(np.mean(x * x))
    peak = np.max(np.abs(x))
    negative = x < 0  # zeros count as non-negative
    crossings = np.count_nonzero(negative[1:] != negative[:-1])
    constant = np.all(x == x[0])
    values = {
        'mean': np.mean(x),
        'rms': rms,
        'peak': peak,
        'peakToPeak': np.max(x) - np.min(x),
        'crest': peak / rms if rms > 0 else 0.0,
        'skewness': 0.0 if constant else st.skew(x),
        'kurtosis': 0.0 if constant else st.kurtosis(x),  # Fisher (excess), biased: scipy defaults
        'zeroCrossingRate': crossings / (n - 1) if n > 1 else 0.0,
    }
    pearson = 0.0 if constant else st.kurtosis(x, fisher=False)
    return [float(values[k]) for k in ORDER], float(pearson)


def frames():
    r = rng(11)
    n = 480
    t = np.arange(n) / 1000.0
    impulsive = 0.05 * r.standard_normal(n)
    impulsive[r.choice(n, 6, replace=False)] += np.array([3.0, -2.5, 4.0, 2.0, -3.5, 5.0])
    square = np.tile([1.0, 1.0, 0.0, -1.0, -1.0, 0.0], n // 6)
    yield 'mixed tones and noise', test_signal(n, 16000, seed=5)
    yield 'gaussian noise, offset', (0.7 * r.standard_normal(n) + 0.2)
    yield 'impulsive (bearing-like)', impulsive
    yield 'sine starting at 0', np.sin(2 * np.pi * 37 * t)
    yield 'square with zero steps', square
    yield 'skewed (exponential)', r.exponential(1.0, n) - 0.4
    yield 'constant 0.25', np.full(n, 0.25)
    yield 'all zero', np.zeros(n)
    yield 'one sample', np.array([-0.5])
    yield 'two samples', np.array([0.5, -0.25])
    yield 'seven samples', np.array([3.0, -1.0, 0.0, 0.0, 2.0, -7.5, 1.25])


def make():
    cases = []
    for name, x in frames():
        x32 = np.asarray(x, dtype=np.float32)
        values, pearson = reference(x32)
        cases.append({'name': name, 'samples': tolist(x32), 'expected': values, 'pearsonKurtosis': pearson})
    return {'stats': {'order': ORDER, 'cases': cases}}
