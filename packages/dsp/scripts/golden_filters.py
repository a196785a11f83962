"""Filters: RBJ biquads, Butterworth SOS (scipy.signal.butter), FIR (firwin/lfilter), DC blocker,
pre-emphasis, sosfiltfilt and frequency responses (sosfreqz/freqz).

Designs keep full double precision (the TypeScript designs must agree to rounding); filtered outputs
and the float32 input signals are written with 9 significant digits to keep the files small, far below the float32 precision the
TypeScript blocks output.
"""
import numpy as np
from scipy import signal

from golden_common import test_signal, tolist

RATE = 16000
N = 2000


def compact(a, digits=9):
    """9 significant digits: round-trips float32 exactly, and sits far below what > 100 dB SNR needs."""
    return [float(f'{v:.{digits}g}') for v in np.asarray(a, dtype=np.float64).ravel()]


def rbj(kind, fs, f0, q, gain_db=0.0):
    """Audio-EQ-Cookbook biquad, normalized so a0 = 1 (reference for the TypeScript design)."""
    w0 = 2 * np.pi * f0 / fs
    cw, alpha = np.cos(w0), np.sin(w0) / (2 * q)
    A = 10 ** (gain_db / 40)
    sa = 2 * np.sqrt(A) * alpha
    b, a = {
        'lowpass': ([(1 - cw) / 2, 1 - cw, (1 - cw) / 2], [1 + alpha, -2 * cw, 1 - alpha]),
        'highpass': ([(1 + cw) / 2, -(1 + cw), (1 + cw) / 2], [1 + alpha, -2 * cw, 1 - alpha]),
        'bandpass': ([alpha, 0, -alpha], [1 + alpha, -2 * cw, 1 - alpha]),
        'notch': ([1, -2 * cw, 1], [1 + alpha, -2 * cw, 1 - alpha]),
        'peaking': ([1 + alpha * A, -2 * cw, 1 - alpha * A], [1 + alpha / A, -2 * cw, 1 - alpha / A]),
        'lowShelf': ([A * ((A + 1) - (A - 1) * cw + sa), 2 * A * ((A - 1) - (A + 1) * cw), A * ((A + 1) - (A - 1) * cw - sa)],
                     [(A + 1) + (A - 1) * cw + sa, -2 * ((A - 1) + (A + 1) * cw), (A + 1) + (A - 1) * cw - sa]),
        'highShelf': ([A * ((A + 1) + (A - 1) * cw + sa), -2 * A * ((A - 1) + (A + 1) * cw), A * ((A + 1) + (A - 1) * cw - sa)],
                      [(A + 1) - (A - 1) * cw + sa, 2 * ((A - 1) - (A + 1) * cw), (A + 1) - (A - 1) * cw - sa]),
    }[kind]
    b, a = np.array(b, float), np.array(a, float)
    return np.concatenate([b / a[0], a / a[0]])


def biquads(x):
    cases = [
        ('lowpass', 1000, 0.7071067811865476, None), ('highpass', 300, 2.0, None), ('bandpass', 2000, 4.0, None),
        ('notch', 440, 10.0, None), ('peaking', 1500, 1.5, 6.0), ('lowShelf', 500, 0.7071067811865476, -9.0),
        ('highShelf', 4000, 1.0, 12.0),
    ]
    out = []
    for kind, f0, q, gain in cases:
        sos = rbj(kind, RATE, f0, q, gain or 0.0)
        case = {'type': kind, 'frequency': f0, 'q': q, 'sos': tolist(sos), 'output': compact(signal.sosfilt(sos[None, :], x))}
        if gain is not None:
            case['gainDb'] = gain
        out.append(case)
    # RBJ lowpass/highpass at Q = 1/sqrt(2) is the 2nd-order Butterworth with prewarping: an independent check.
    butter2 = {k: tolist(signal.butter(2, 1000, k, fs=RATE, output='sos').ravel()) for k in ('lowpass', 'highpass')}
    return {'signal': compact(x), 'sampleRate': RATE, 'cases': out, 'butter2At1000': butter2}


def butterworth_designs():
    configs = [
        ('lowpass', RATE, 1000.0), ('lowpass', 100, 5.0), ('highpass', RATE, 300.0), ('highpass', 100, 0.5),
        ('bandpass', RATE, [300.0, 3400.0]), ('bandpass', 1000, [48.0, 52.0]),
        ('bandstop', RATE, [900.0, 1100.0]), ('bandstop', 100, [10.0, 30.0]),
    ]
    designs = []
    for kind, fs, cutoff in configs:
        for order in range(1, 13):
            sos = signal.butter(order, cutoff, kind, fs=fs, output='sos')
            designs.append({'type': kind, 'order': order, 'sampleRate': fs, 'cutoff': cutoff, 'sos': tolist(sos.ravel())})
    return {'designs': designs}


def butterworth_outputs(x):
    cases = [('lowpass', 4, 1000.0), ('highpass', 3, 300.0), ('bandpass', 5, [300.0, 3400.0]),
             ('bandstop', 2, [900.0, 1100.0]), ('lowpass', 12, 200.0)]
    out = []
    for kind, order, cutoff in cases:
        sos = signal.butter(order, cutoff, kind, fs=RATE, output='sos')
        out.append({'type': kind, 'order': order, 'cutoff': cutoff, 'output': compact(signal.sosfilt(sos, x))})
    return {'signal': compact(x), 'sampleRate': RATE, 'cases': out}


def fir(x):
    windows = {'hann': 'hann', 'hamming': 'hamming', 'blackman': 'blackman', 'rectangular': 'boxcar'}
    cases = [('lowpass', 31, 1000.0, 'hamming', True), ('highpass', 63, 2000.0, 'hann', True),
             ('bandpass', 64, [300.0, 3400.0], 'blackman', True), ('bandstop', 41, [900.0, 1100.0], 'rectangular', True),
             ('lowpass', 1, 4000.0, 'hamming', True), ('bandpass', 33, [1000.0, 2000.0], 'hamming', False),
             ('highpass', 5, 7000.0, 'blackman', True)]
    out = []
    for kind, taps, cutoff, window, scale in cases:
        h = signal.firwin(taps, cutoff, window=windows[window], pass_zero=kind, scale=scale, fs=RATE)
        case = {'type': kind, 'numTaps': taps, 'cutoff': cutoff, 'window': window, 'scale': scale, 'taps': tolist(h)}
        if taps > 1 and len(out) < 4:
            case['output'] = compact(signal.lfilter(h, 1.0, x))
        out.append(case)
    return {'signal': compact(x), 'sampleRate': RATE, 'cases': out}


def first_order(x):
    y = (x + np.float32(0.3)).astype(np.float32)  # a DC offset for the blocker to remove
    dc = [{'r': r, 'output': compact(signal.lfilter([1.0, -1.0], [1.0, -r], y))} for r in (0.995, 0.9)]
    pre = [{'coefficient': a, 'output': compact(signal.lfilter([1.0, -a], [1.0], y))} for a in (0.97, 0.98)]
    return {'signal': compact(y), 'sampleRate': RATE, 'dcBlocker': dc, 'preEmphasis': pre}


def filtfilt(x):
    cases = []
    for kind, order, cutoff in [('lowpass', 4, 1000.0), ('bandpass', 3, [300.0, 3400.0]), ('highpass', 1, 50.0)]:
        sos = signal.butter(order, cutoff, kind, fs=RATE, output='sos')
        cases.append({'sos': tolist(sos.ravel()), 'output': compact(signal.sosfiltfilt(sos, x))})
    # A section with b2 = a2 = 0 (first order) shortens the default pad, and the shortest legal signal.
    first = np.array([[0.2, 0.2, 0.0, 1.0, -0.6, 0.0]])
    short = x[:7]  # default padlen = 3 * (2 * 1 + 1 - 1) = 6
    try:
        signal.sosfiltfilt(first, x[:6])
        raise AssertionError('scipy accepted a signal of padlen samples')
    except ValueError:
        pass
    cases.append({'sos': tolist(first.ravel()), 'output': compact(signal.sosfiltfilt(first, short)), 'length': 7, 'padlen': 6})
    zi = signal.sosfilt_zi(signal.butter(3, [300.0, 3400.0], 'bandpass', fs=RATE, output='sos'))
    return {'signal': compact(x), 'sampleRate': RATE, 'cases': cases, 'bandpassZi': tolist(zi.ravel())}


def response():
    freqs = np.array([0.0, 10.0, 100.0, 299.0, 300.0, 1000.0, 1234.5, 3400.0, 5000.0, 7999.0, 8000.0])
    sos = signal.butter(3, [300.0, 3400.0], 'bandpass', fs=RATE, output='sos')
    _, h_sos = signal.sosfreqz(sos, worN=freqs, fs=RATE)
    taps = signal.firwin(31, 1000.0, fs=RATE)
    _, h_fir = signal.freqz(taps, 1.0, worN=freqs, fs=RATE)
    return {'sampleRate': RATE, 'frequencies': tolist(freqs), 'sos': tolist(sos.ravel()), 'sosResponse': tolist(h_sos),
            'taps': tolist(taps), 'firResponse': tolist(h_fir)}


def make():
    x = test_signal(N, RATE, seed=11)
    return {
        'filters_biquad': biquads(x),
        'filters_butterworth_designs': butterworth_designs(),
        'filters_butterworth_outputs': butterworth_outputs(x),
        'filters_fir': fir(x),
        'filters_first_order': first_order(x),
        'filters_filtfilt': filtfilt(x),
        'filters_response': response(),
    }
