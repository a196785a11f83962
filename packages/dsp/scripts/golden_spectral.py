"""Spectral feature references, written from the formulas in src/spectral/ and computed in float64.

Spectra are float32 (what the kit's FFT writes) and stored with 9 significant digits, which
round-trips float32 exactly; every reference value is computed from those float32 spectra. Slope uses
numpy.polyfit as an independent least-squares reference. Flux runs over each case's frames in order.
"""
import numpy as np
from scipy.signal import get_window

from golden_common import rng, test_signal

ALL = ['centroid', 'spread', 'skewness', 'kurtosis', 'flatness', 'rolloff', 'flux', 'slope', 'crest', 'bandPowers', 'peaks']
DEFAULT = ['centroid', 'spread', 'skewness', 'kurtosis', 'flatness', 'rolloff', 'slope', 'crest']


def f32list(a):
    a = np.asarray(a, dtype=np.float32)
    out = [float('%.9g' % v) for v in a]
    assert np.array_equal(np.asarray(out, dtype=np.float32), a)
    return out


def resolve(opts):
    return {'input': 'power', 'rolloffFraction': 0.85, 'bandScale': 'linear', 'peaks': 3,
            'fluxNormalize': False, 'powerFloor': 1e-10, 'features': DEFAULT, **opts}


def shape(f, m):
    total = m.sum()
    if not total > 0:
        return [0.0] * 4
    c = (f * m).sum() / total
    d = f - c
    m2 = (d ** 2 * m).sum() / total
    spread = np.sqrt(m2)
    if spread <= 1e-9 * f[1]:
        return [c, 0.0, 0.0, 0.0]
    return [c, spread, (d ** 3 * m).sum() / total / spread ** 3, (d ** 4 * m).sum() / total / m2 ** 2]


def peaks(m, bin_hz, count):
    found = []
    for k in range(1, len(m) - 1):
        a, b, c = m[k - 1], m[k], m[k + 1]
        if a < b >= c:
            p = 0.5 * (a - c) / (a - 2 * b + c)
            found.append(((k + p) * bin_hz, b - 0.25 * (a - c) * p))
    found.sort(key=lambda fm: -fm[1])  # stable: ties keep the lower frequency first
    found = (found + [(0.0, 0.0)] * count)[:count]
    return [v for fm in found for v in fm]


def band_powers(f, p, edges, scale, floor):
    nyquist = f[-1]
    out = []
    for lo, hi in zip(edges[:-1], edges[1:]):
        mask = (f >= lo) & ((f < hi) | (hi >= nyquist))
        assert mask.any()
        s = p[mask].sum()
        out.append(10 * np.log10(max(s, floor)) if scale == 'db' else s)
    return out


def extract(spec32, o, state):
    n, sr = o['fftSize'], o['sampleRate']
    bins = n // 2 + 1
    f = np.arange(bins) * sr / n
    s = spec32.astype(np.float64)
    power, mag = (s, np.sqrt(s)) if o['input'] == 'power' else (s * s, s)
    moments = shape(f, mag)
    out = []
    for feature in o['features']:
        if feature in ('centroid', 'spread', 'skewness', 'kurtosis'):
            out.append(moments[['centroid', 'spread', 'skewness', 'kurtosis'].index(feature)])
        elif feature == 'flatness':
            pf = np.maximum(power, o['powerFloor'])
            out.append(np.exp(np.mean(np.log(pf))) / np.mean(pf) if power.sum() > 0 else 0.0)
        elif feature == 'rolloff':
            cum = np.cumsum(power)
            out.append(f[np.argmax(cum >= o['rolloffFraction'] * cum[-1])] if cum[-1] > 0 else 0.0)
        elif feature == 'flux':
            m = mag
            if o['fluxNormalize']:
                norm = np.sqrt((mag ** 2).sum())
                m = mag / norm if norm > 0 else mag * 0
            prev = state.get('prev')
            out.append(np.sqrt((np.maximum(m - prev, 0) ** 2).sum()) if prev is not None else 0.0)
            state['prev'] = m
        elif feature == 'slope':
            out.append(np.polyfit(f, mag, 1)[0])
        elif feature == 'crest':
            out.append(power.max() / power.mean() if power.sum() > 0 else 0.0)
        elif feature == 'bandPowers':
            out.extend(band_powers(f, power, o['bandEdges'], o['bandScale'], o['powerFloor']))
        elif feature == 'peaks':
            out.extend(peaks(mag, sr / n, o['peaks']))
    return [float(v) for v in out]


def names(o):
    out = []
    for feature in o['features']:
        if feature == 'bandPowers':
            out.extend(f'band{b}' for b in range(len(o['bandEdges']) - 1))
        elif feature == 'peaks':
            for p in range(1, o['peaks'] + 1):
                out.extend([f'peak{p}Hz', f'peak{p}Magnitude'])
        else:
            out.append(feature)
    return out


def power_frames(x, n, hop, count, window):
    w = get_window(window, n) if window != 'boxcar' else np.ones(n)
    return [np.abs(np.fft.rfft(x[i * hop:i * hop + n].astype(np.float64) * w)) ** 2 for i in range(count)]


def case(name, options, spectra, kind='power'):
    o = resolve(options)
    spectra32 = [np.asarray(s if kind == 'power' else np.sqrt(s), dtype=np.float32) for s in spectra]
    state = {}
    expected = [extract(s, o, state) for s in spectra32]
    return {'name': name, 'options': options, 'names': names(o),
            'spectra': [f32list(s) for s in spectra32], 'expected': expected}


def hand_spectra():
    """N = 16 at 16 Hz: bins are 1 Hz apart, so frequencies read as bin numbers."""
    z = np.zeros(9)
    dc = z.copy(); dc[0] = 1.0
    single = z.copy(); single[3] = 4.0
    hann_tone = z.copy(); hann_tone[4:7] = np.array([0.25, 0.5, 0.25]) ** 2  # Hann main lobe at bin 5
    flat = np.ones(9)
    two = z.copy(); two[[1, 2, 3, 6, 7]] = np.array([1.0, 9.0, 4.0, 16.0, 1.0])
    return [z, dc, single, hann_tone, flat, two]


def make():
    r = rng(21)
    audio = test_signal(2048, 16000, seed=2)
    audio_power = power_frames(audio, 512, 384, 4, 'hann')
    t = np.arange(256) / 100.0
    imu = (1.0 + 0.8 * np.sin(2 * np.pi * 2.1 * t) + 0.3 * np.sin(2 * np.pi * 7.3 * t + 1)
           + 0.05 * r.standard_normal(256)).astype(np.float32)
    noise = r.standard_normal(768).astype(np.float32)
    cases = [
        case('audio 16 kHz, fft 512, hann, every feature', {
            'sampleRate': 16000, 'fftSize': 512,
            'features': ['peaks', 'centroid', 'spread', 'skewness', 'kurtosis', 'flatness', 'rolloff', 'flux', 'slope', 'crest', 'bandPowers'],
            'bandEdges': [0, 250, 1000, 3000, 8000], 'peaks': 4}, audio_power),
        case('audio as magnitude, dB bands, normalised flux', {
            'sampleRate': 16000, 'fftSize': 512, 'input': 'magnitude',
            'features': ['bandPowers', 'flux', 'rolloff', 'flatness', 'crest', 'centroid', 'peaks'],
            'bandEdges': [100, 400, 1600, 6400], 'bandScale': 'db', 'fluxNormalize': True, 'rolloffFraction': 0.5,
            'peaks': 2, 'powerFloor': 1e-6}, audio_power, kind='magnitude'),
        case('imu 100 Hz, fft 64, with gravity offset', {
            'sampleRate': 100, 'fftSize': 64, 'features': DEFAULT + ['bandPowers', 'peaks', 'flux'],
            'bandEdges': [0, 1, 3, 6, 12, 50]}, power_frames(imu, 64, 32, 4, 'hann')),
        case('white noise 1 kHz, fft 256, rectangular', {'sampleRate': 1000, 'fftSize': 256},
             power_frames(noise, 256, 256, 3, 'boxcar')),
        case('hand-checkable, fft 16 at 16 Hz', {
            'sampleRate': 16, 'fftSize': 16, 'features': ALL, 'bandEdges': [0, 4, 8], 'peaks': 2}, hand_spectra()),
    ]
    return {'spectral': {'cases': cases}}
