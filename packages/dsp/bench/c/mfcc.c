/*
 * Plain C MFCC, the speed reference for `pnpm bench`: the same computation as the TypeScript
 * createMfccPlan({ sampleRate: 16000, frameLength: 512, fftSize: 512, bands: 40, coefficients: 10 })
 * (periodic Hann, |FFT|^2, HTK mel triangles over Hz 0..8000, ln(x + 1e-6), orthonormal DCT-II),
 * written the straightforward way: radix-2 complex FFT of N/2 points plus the real-input split.
 * Usage: mfcc [frames]   prints "frames_per_second checksum"
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define N 512
#define M (N / 2)
#define BINS (M + 1)
#define BANDS 40
#define COEFS 10
#define RATE 16000.0

static double win[N], twr[M], twi[M], pr[M / 2 + 1], pi_[M / 2 + 1], dctm[COEFS * BANDS];
static float melw[BANDS][BINS];
static int melstart[BANDS], melend[BANDS], rev[M];

static double hz2mel(double f) { return 2595.0 * log10(1.0 + f / 700.0); }
static double mel2hz(double m) { return 700.0 * (pow(10.0, m / 2595.0) - 1.0); }

static void init(void) {
  for (int n = 0; n < N; n++) win[n] = 0.5 - 0.5 * cos(2 * M_PI * n / N);
  int bits = 0;
  while ((1 << bits) < M) bits++;
  for (int i = 0; i < M; i++) {
    int r = 0;
    for (int b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
    rev[i] = r;
  }
  for (int h = 1; h < M; h <<= 1)
    for (int k = 0; k < h; k++) { twr[h + k] = cos(M_PI * k / h); twi[h + k] = -sin(M_PI * k / h); }
  for (int k = 0; k <= M / 2; k++) { pr[k] = cos(2 * M_PI * k / N); pi_[k] = -sin(2 * M_PI * k / N); }
  double lo = hz2mel(0), hi = hz2mel(RATE / 2), edges[BANDS + 2];
  for (int i = 0; i < BANDS + 2; i++) edges[i] = mel2hz(lo + (hi - lo) * i / (BANDS + 1));
  for (int b = 0; b < BANDS; b++) {
    melstart[b] = BINS; melend[b] = 0;
    for (int k = 0; k < BINS; k++) {
      double f = k * RATE / N;
      double w = fmin((f - edges[b]) / (edges[b + 1] - edges[b]), (edges[b + 2] - f) / (edges[b + 2] - edges[b + 1]));
      melw[b][k] = w > 0 ? (float)w : 0.0f;
      if (w > 0) { if (k < melstart[b]) melstart[b] = k; melend[b] = k + 1; }
    }
  }
  for (int k = 0; k < COEFS; k++)
    for (int i = 0; i < BANDS; i++)
      dctm[k * BANDS + i] = (k == 0 ? sqrt(1.0 / BANDS) : sqrt(2.0 / BANDS)) * cos(M_PI * k * (2 * i + 1) / (2.0 * BANDS));
}

static void mfcc(const float *x, float *out) {
  static double re[M], im[M];
  static float spec[BINS], mel[BANDS];
  for (int n = 0; n < M; n++) { re[rev[n]] = x[2 * n] * win[2 * n]; im[rev[n]] = x[2 * n + 1] * win[2 * n + 1]; }
  for (int h = 1; h < M; h <<= 1)
    for (int s = 0; s < M; s += 2 * h)
      for (int k = 0; k < h; k++) {
        int a = s + k, b = a + h;
        double tr = re[b] * twr[h + k] - im[b] * twi[h + k], ti = re[b] * twi[h + k] + im[b] * twr[h + k];
        re[b] = re[a] - tr; im[b] = im[a] - ti; re[a] += tr; im[a] += ti;
      }
  spec[0] = (float)((re[0] + im[0]) * (re[0] + im[0]));
  spec[M] = (float)((re[0] - im[0]) * (re[0] - im[0]));
  for (int k = 1; k <= M / 2; k++) {
    double zr = re[k], zi = im[k], cr = re[M - k], ci = -im[M - k];
    double er = 0.5 * (zr + cr), ei = 0.5 * (zi + ci), orr = 0.5 * (zi - ci), oi = -0.5 * (zr - cr);
    double tr = orr * pr[k] - oi * pi_[k], ti = orr * pi_[k] + oi * pr[k];
    spec[k] = (float)((er + tr) * (er + tr) + (ei + ti) * (ei + ti));
    spec[M - k] = (float)((er - tr) * (er - tr) + (ti - ei) * (ti - ei));
  }
  for (int b = 0; b < BANDS; b++) {
    double acc = 0;
    for (int k = melstart[b]; k < melend[b]; k++) acc += melw[b][k] * spec[k];
    mel[b] = (float)log(acc + 1e-6);
  }
  for (int k = 0; k < COEFS; k++) {
    double acc = 0;
    for (int i = 0; i < BANDS; i++) acc += dctm[k * BANDS + i] * mel[i];
    out[k] = (float)acc;
  }
}

int main(int argc, char **argv) {
  long frames = argc > 1 ? atol(argv[1]) : 1000000;
  init();
  static float x[N * 16], out[COEFS];
  unsigned s = 12345;
  for (int i = 0; i < N * 16; i++) { s = s * 1103515245u + 12345u; x[i] = ((s >> 8) & 0xffff) / 65536.0f - 0.5f; }
  double checksum = 0;
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  for (long f = 0; f < frames; f++) { mfcc(x + (f & 15) * N, out); checksum += out[f % COEFS]; }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double sec = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) * 1e-9;
  printf("%.0f %.6f\n", frames / sec, checksum);
  return 0;
}
