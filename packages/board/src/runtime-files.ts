import { fileURLToPath } from 'node:url';

/** The folder holding the C runtime (sk_runtime.h and the kernels). */
export const RUNTIME_DIR = fileURLToPath(new URL('../runtime/', import.meta.url));

/** The runtime's sources and headers, all of which an export copies next to the model. */
export const RUNTIME_SOURCES = ['sk_runtime.c', 'sk_dense.c', 'sk_conv2d.c', 'sk_depthwise_conv2d.c', 'sk_pool2d.c', 'sk_softmax.c'] as const;
export const RUNTIME_HEADERS = ['sk_runtime.h', 'sk_kernels.h', 'sk_fixed_point.h'] as const;

/** The host harness that runs a file of inputs through a model (tests, and a quick check on a PC). */
export const HOST_HARNESS = fileURLToPath(new URL('../runtime/host/sk_run_file.c', import.meta.url));

/** The C front end (framing, window, FFT, mel, log, DCT), copied when an export has features. */
export const DSP_SOURCES = ['sk_mfcc.c', 'sk_fft.c'] as const;
export const DSP_HEADERS = ['sk_mfcc.h', 'sk_fft.h'] as const;

/** The host harness of the front end: float32 samples in, float32 features out. */
export const FEATURES_HARNESS = fileURLToPath(new URL('../runtime/host/sk_mfcc_file.c', import.meta.url));
