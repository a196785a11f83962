"""IMU references: vector magnitude (numpy), gravity estimates (scipy Rotation), and true gravity.

A sensor at 100 Hz turns with a time-varying angular velocity w(t) (deg/s, sensor frame) while it
accelerates; the true gravity in the sensor frame solves dg/dt = -w x g (scipy solve_ivp, tight
tolerances). The accelerometer reads true gravity + linear acceleration + noise (g).
Filter references: 'lowpass' g += k (a - g); 'gyro' g = R(-w dt) g (scipy Rotation) then g += k (a - g);
k = 1 - exp(-2 pi cutoff / fs), or k = blend; the estimate starts at the first accelerometer reading.
"""
import numpy as np
from scipy.integrate import solve_ivp
from scipy.spatial.transform import Rotation

from golden_common import rng

FS = 100.0
N = 500


def f32list(a):
    return [float(str(v)) for v in np.asarray(a, dtype=np.float32).ravel()]


def reflist(a):
    return [float(f'{v:.12g}') for v in np.asarray(a, dtype=np.float64).ravel()]


def omega_deg(t):
    return np.stack([90 * np.sin(0.5 * t), 60 + 0 * t, 30 * np.cos(1.3 * t)], axis=-1)


def motion():
    t = np.arange(N) / FS
    sol = solve_ivp(lambda tt, g: -np.cross(np.radians(omega_deg(tt)), g), (0, t[-1]), [0.0, 0.0, 1.0],
                    t_eval=t, rtol=1e-11, atol=1e-12)
    g_true = sol.y.T
    linear = 0.2 * np.sin(2 * np.pi * 1.5 * t)[:, None] * np.array([1.0, 0.5, -0.3])
    r = rng(31)
    acc = g_true + linear + 0.01 * r.standard_normal((N, 3))
    gyro = omega_deg(t) + 0.2 * r.standard_normal((N, 3))
    imu = np.concatenate([acc, gyro], axis=1).astype(np.float32)
    return imu, g_true, linear


def estimate(imu, k, use_gyro):
    x = imu.astype(np.float64)
    out = np.zeros((N, 3))
    g = x[0, :3].copy()
    for n in range(N):
        if n > 0:
            if use_gyro:
                g = Rotation.from_rotvec(-np.radians(x[n, 3:]) / FS).apply(g)
            g = g + k * (x[n, :3] - g)
        out[n] = g
    return out


def make():
    imu, g_true, linear = motion()
    x = imu.astype(np.float64)
    k = lambda fc: 1 - np.exp(-2 * np.pi * fc / FS)  # noqa: E731
    return {'imu': {
        'sampleRate': FS, 'imu': f32list(imu), 'trueGravity': reflist(g_true), 'trueLinear': reflist(linear),
        'accelMagnitude': reflist(np.linalg.norm(x[:, :3], axis=1)), 'gyroMagnitude': reflist(np.linalg.norm(x[:, 3:], axis=1)),
        'cases': [
            {'mode': 'lowpass', 'cutoff': 0.5, 'gravity': reflist(estimate(imu, k(0.5), False))},
            {'mode': 'gyro', 'cutoff': 0.3, 'gravity': reflist(estimate(imu, k(0.3), True))},
            {'mode': 'gyro', 'blend': 0.05, 'gravity': reflist(estimate(imu, 0.05, True))},
        ],
    }}
