"""Mel filterbanks and MFCC references, written from the published definitions:
- librosa.filters.mel (triangles over Hz, HTK or Slaney scale, optional Slaney area norm)
- tf.signal.linear_to_mel_weight_matrix (triangles linear in HTK mel, DC bin zeroed)
- MFCC: scipy window, numpy rfft, filterbank, log, scipy.fft.dct (ortho) or TF's scaling, lifter
- the MLPerf Tiny KWS front end (tf.signal.stft |.|, TF mel 40 x 20-4000 Hz, log(+1e-6), TF MFCC[:10])
"""
import numpy as np
from scipy.fft import dct
from scipy.signal import get_window

from golden_common import test_signal, tolist


def hz_to_mel(f, scale):
    f = np.asarray(f, dtype=np.float64)
    if scale == 'htk':
        return 2595.0 * np.log10(1.0 + f / 700.0)
    f_sp = 200.0 / 3
    mels = f / f_sp
    min_log_hz = 1000.0
    min_log_mel = min_log_hz / f_sp
    logstep = np.log(6.4) / 27.0
    return np.where(f >= min_log_hz, min_log_mel + np.log(np.maximum(f, 1e-30) / min_log_hz) / logstep, mels)


def mel_to_hz(m, scale):
    m = np.asarray(m, dtype=np.float64)
    if scale == 'htk':
        return 700.0 * (10.0 ** (m / 2595.0) - 1.0)
    f_sp = 200.0 / 3
    min_log_hz = 1000.0
    min_log_mel = min_log_hz / f_sp
    logstep = np.log(6.4) / 27.0
    return np.where(m >= min_log_mel, min_log_hz * np.exp(logstep * (m - min_log_mel)), f_sp * m)


def mel_hz_triangles(sr, n_fft, n_mels, fmin, fmax, scale, norm):
    fftfreqs = np.linspace(0, sr / 2, 1 + n_fft // 2)
    mel_f = mel_to_hz(np.linspace(hz_to_mel(fmin, scale), hz_to_mel(fmax, scale), n_mels + 2), scale)
    fdiff = np.diff(mel_f)
    ramps = mel_f[:, None] - fftfreqs[None, :]
    w = np.zeros((n_mels, len(fftfreqs)))
    for i in range(n_mels):
        lower = -ramps[i] / fdiff[i]
        upper = ramps[i + 2] / fdiff[i + 1]
        w[i] = np.maximum(0, np.minimum(lower, upper))
    if norm == 'slaney':
        w *= (2.0 / (mel_f[2:n_mels + 2] - mel_f[:n_mels]))[:, None]
    return w


def mel_tf_triangles(sr, n_fft, n_mels, fmin, fmax):
    bins = n_fft // 2 + 1
    lin = np.linspace(0.0, sr / 2, bins)[1:]
    spec_mel = hz_to_mel(lin, 'htk')[:, None]
    edges = np.linspace(hz_to_mel(fmin, 'htk'), hz_to_mel(fmax, 'htk'), n_mels + 2)
    lo, ce, hi = edges[:-2][None, :], edges[1:-1][None, :], edges[2:][None, :]
    w = np.maximum(0.0, np.minimum((spec_mel - lo) / (ce - lo), (hi - spec_mel) / (hi - ce)))
    return np.vstack([np.zeros((1, n_mels)), w]).T


def mfcc_reference(x, c):
    n_fft, flen, hop = c['fftSize'], c['frameLength'], c['hop']
    count = (len(x) - flen) // hop + 1
    frames = np.stack([x[i * hop:i * hop + flen] for i in range(count)]).astype(np.float64)
    win = get_window(c['window'] if c['window'] != 'rectangular' else 'boxcar', flen, fftbins=True)
    spec = np.abs(np.fft.rfft(frames * win, n=n_fft)) ** 2
    power_total = spec.sum(axis=1) * c['spectrumScale']
    if c['spectrum'] == 'magnitude':
        spec = np.sqrt(spec)
    spec = spec * c['spectrumScale']
    if c['triangles'] == 'mel':
        fb = mel_tf_triangles(c['sampleRate'], n_fft, c['bands'], c['fMin'], c['fMax'])
    else:
        fb = mel_hz_triangles(c['sampleRate'], n_fft, c['bands'], c['fMin'], c['fMax'], c['scale'], c['norm'])
    energies = spec @ fb.T
    logmel = np.log(np.maximum(energies + c['logOffset'], c['logFloor']))
    n = c['bands']
    if c['dct'] == 'ortho':
        cep = dct(logmel, type=2, norm='ortho', axis=1)
    else:
        cep = dct(logmel, type=2, norm=None, axis=1) / np.sqrt(2.0 * n)
    cep = cep[:, :c['coefficients']]
    if c['lifter'] > 0:
        k = np.arange(c['coefficients'])
        cep = cep * (1 + (c['lifter'] / 2.0) * np.sin(np.pi * k / c['lifter']))
    if c['firstCoefficient'] == 'log-energy':
        cep[:, 0] = np.log(np.maximum(power_total, c['logFloor']))
    return logmel, cep, energies


def sparse_rows(w):
    """Each band as [first non-zero bin, weights up to the last non-zero bin]: dense banks are mostly zeros."""
    rows = []
    for row in w:
        nz = np.nonzero(row)[0]
        rows.append([0, []] if len(nz) == 0 else [int(nz[0]), tolist(row[nz[0]:nz[-1] + 1])])
    return rows


def base(**kw):
    c = dict(sampleRate=16000, frameLength=400, hop=160, fftSize=512, window='hann', spectrum='power',
             spectrumScale=1.0, bands=40, fMin=0.0, fMax=8000.0, scale='htk', triangles='hz', norm='none',
             logOffset=1e-6, logFloor=1e-30, coefficients=13, dct='ortho', lifter=0, firstCoefficient='c0')
    c.update(kw)
    return c


def make():
    banks = []
    for scale in ['htk', 'slaney']:
        for norm in ['none', 'slaney']:
            for sr, n_fft, n_mels, fmin, fmax in [(16000, 512, 40, 20, 4000), (16000, 256, 32, 0, 8000), (48000, 2048, 64, 50, 20000)]:
                banks.append(dict(sampleRate=sr, fftSize=n_fft, bands=n_mels, fMin=fmin, fMax=fmax, scale=scale, triangles='hz',
                                  norm=norm, rows=sparse_rows(mel_hz_triangles(sr, n_fft, n_mels, fmin, fmax, scale, norm))))
    for sr, n_fft, n_mels, fmin, fmax in [(16000, 512, 40, 20, 4000), (16000, 1024, 80, 0, 8000)]:
        banks.append(dict(sampleRate=sr, fftSize=n_fft, bands=n_mels, fMin=fmin, fMax=fmax, scale='htk', triangles='mel',
                          norm='none', rows=sparse_rows(mel_tf_triangles(sr, n_fft, n_mels, fmin, fmax))))

    x = test_signal(4000, 16000, seed=11)
    configs = [
        base(),
        base(scale='slaney', norm='slaney', bands=64, coefficients=20, lifter=22, window='hamming'),
        base(spectrum='magnitude', triangles='mel', fMin=20, fMax=4000, frameLength=480, hop=320, coefficients=10, dct='tensorflow'),
        base(fftSize=256, frameLength=256, hop=320, bands=32, window='rectangular', spectrumScale=1 / 256, logOffset=0.0,
             logFloor=float(np.finfo(float).eps), firstCoefficient='log-energy'),
        base(window='blackman', bands=26, fMin=300, fMax=3400, coefficients=26, logOffset=1.0),
    ]
    cases = []
    for c in configs:
        logmel, cep, energies = mfcc_reference(x, c)
        cases.append(dict(options=c, logMel=tolist(logmel.ravel()), mfcc=tolist(cep.ravel()), energies=tolist(energies.ravel()),
                          frames=int(cep.shape[0])))

    # The MLPerf Tiny KWS front end on a 1 s clip: 49 x 10.
    clip = test_signal(16000, 16000, seed=12) * 0.5
    mlperf = base(spectrum='magnitude', triangles='mel', fMin=20, fMax=4000, frameLength=480, hop=320, coefficients=10, dct='tensorflow')
    _, cep, _ = mfcc_reference(clip, mlperf)
    return {
        'mel-banks': {'banks': banks},
        'mfcc': {'signal': tolist(x), 'cases': cases},
        'mlperf-kws': {'signal': tolist(clip), 'mfcc': tolist(cep.ravel()), 'shape': list(cep.shape)},
    }
