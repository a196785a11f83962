"""Windows (scipy.signal.get_window) and framing (numpy stride view) references."""
import numpy as np
from scipy.signal import get_window

from golden_common import test_signal, tolist


def make():
    windows = []
    for kind, scipy_name in [('hann', 'hann'), ('hamming', 'hamming'), ('blackman', 'blackman'), ('rectangular', 'boxcar')]:
        for length in [1, 2, 7, 64, 480]:
            for symmetric in [False, True]:
                w = get_window(scipy_name, length, fftbins=not symmetric)
                windows.append({'type': kind, 'length': length, 'symmetric': symmetric, 'values': tolist(w)})

    x = test_signal(1000, 16000, seed=3)
    framing = []
    for length, hop in [(480, 320), (64, 64), (50, 80), (100, 37)]:
        count = (len(x) - length) // hop + 1
        frames = np.stack([x[i * hop:i * hop + length] for i in range(count)])
        padded_count = -(-len(x) // hop)
        xp = np.concatenate([x, np.zeros(padded_count * hop + length, np.float32)])
        padded = np.stack([xp[i * hop:i * hop + length] for i in range(padded_count)])
        framing.append({'length': length, 'hop': hop, 'frames': tolist(frames.ravel()), 'count': count,
                        'paddedCount': padded_count, 'padded': tolist(padded.ravel())})
    return {'windows': {'windows': windows}, 'framing': {'signal': tolist(x), 'cases': framing}}
