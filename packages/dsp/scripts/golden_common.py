"""Shared helpers for the golden-vector scripts: deterministic signals and JSON output.

Vectors are committed under packages/dsp/test/golden/ so the TypeScript tests need no Python.
Each golden_<area>.py exposes make() -> dict[name, payload]; make_golden.py writes them all.
"""
import json
import os

import numpy as np

OUT_DIR = os.path.join(os.path.dirname(__file__), '..', 'test', 'golden')


def rng(seed):
    return np.random.default_rng(seed)


def test_signal(n, rate, seed=0):
    """A mix of tones, a chirp and noise: exercises every band of a filter or feature."""
    r = rng(seed)
    t = np.arange(n) / rate
    x = (0.5 * np.sin(2 * np.pi * 440 * t)
         + 0.3 * np.sin(2 * np.pi * 0.31 * rate * t + 0.4)
         + 0.2 * np.sin(2 * np.pi * (50 + 0.2 * rate * t / (2 * t[-1] + 1e-9)) * t)
         + 0.1 * r.standard_normal(n))
    return x.astype(np.float32)


def tolist(a):
    """Float arrays as plain lists at full double precision (float32 inputs stay exactly representable)."""
    a = np.asarray(a)
    if np.iscomplexobj(a):
        return {'re': tolist(a.real), 'im': tolist(a.imag)}
    return a.astype(np.float64).tolist()


def write(name, payload):
    os.makedirs(OUT_DIR, exist_ok=True)
    path = os.path.join(OUT_DIR, f'{name}.json')
    with open(path, 'w') as f:
        json.dump(payload, f, separators=(',', ':'))
    return path
