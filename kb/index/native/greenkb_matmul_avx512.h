/* GreenKB: the int8 x int4 matmul on AVX-512 VNNI.
 *
 * Sixteen output rows share one 512-bit register (one int32 lane per row), so a block's
 * dot products for 16 rows take 8 vpdpbusd with a broadcast 4-byte slice of the
 * activations and no horizontal sums; four tokens run side by side to hide the
 * instruction latency. Weights in gk_expand16's layout, tokens in tiles (gk_expand_all). */
#if defined(__AVX512F__) && defined(__AVX512VNNI__) && defined(__AVX512BW__)
#define GK_HAVE_MATMUL_AVX512 1
#define GK_T 4

/* tokens t0..t1-1 of the row group whose expanded weights are wexp/dwb (rows oo..oo+15) */
static inline void gk_tile_avx512(const uint8_t *wexp, const float *dwb, const float *bias,
                                  const int8_t *aq, const float *ad, const int32_t *as,
                                  float *Y, int t0, int t1, int oo, int nout, int nin) {
    const int nb = nin / QK;
    __m512 bv = bias ? _mm512_loadu_ps(bias + oo) : _mm512_setzero_ps();
    int t = t0;
    for (; t + GK_T <= t1; t += GK_T) {
        __m512 facc[GK_T];
        for (int u = 0; u < GK_T; u++) facc[u] = bv;
        for (int b = 0; b < nb; b++) {
            const __m512i *wb = (const __m512i *)(wexp + (size_t)b * 8 * 64);
            __m512 dw = _mm512_load_ps(dwb + b * 16);
            __m512i acc[GK_T];
            for (int u = 0; u < GK_T; u++) acc[u] = _mm512_setzero_si512();
            for (int g = 0; g < 8; g++) {
                __m512i wv = _mm512_load_si512(wb + g);
                for (int u = 0; u < GK_T; u++)
                    acc[u] = _mm512_dpbusd_epi32(acc[u], wv,
                        _mm512_set1_epi32(gk_a32(aq + (size_t)(t + u) * nin + b * QK + g * 4)));
            }
            for (int u = 0; u < GK_T; u++) {
                size_t ib = (size_t)(t + u) * nb + b;
                __m512 x = _mm512_sub_ps(_mm512_cvtepi32_ps(acc[u]), _mm512_set1_ps(8.f * (float)as[ib]));
                facc[u] = _mm512_fmadd_ps(x, _mm512_mul_ps(dw, _mm512_set1_ps(ad[ib])), facc[u]);
            }
        }
        for (int u = 0; u < GK_T; u++) _mm512_storeu_ps(Y + (size_t)(t + u) * nout + oo, facc[u]);
    }
    for (; t < t1; t++) {
        __m512 f = bv;
        for (int b = 0; b < nb; b++) {
            const __m512i *wb = (const __m512i *)(wexp + (size_t)b * 8 * 64);
            __m512i acc = _mm512_setzero_si512();
            for (int g = 0; g < 8; g++)
                acc = _mm512_dpbusd_epi32(acc, _mm512_load_si512(wb + g),
                                          _mm512_set1_epi32(gk_a32(aq + (size_t)t * nin + b * QK + g * 4)));
            size_t ib = (size_t)t * nb + b;
            __m512 x = _mm512_sub_ps(_mm512_cvtepi32_ps(acc), _mm512_set1_ps(8.f * (float)as[ib]));
            f = _mm512_fmadd_ps(x, _mm512_mul_ps(_mm512_load_ps(dwb + b * 16), _mm512_set1_ps(ad[ib])), f);
        }
        _mm512_storeu_ps(Y + (size_t)t * nout + oo, f);
    }
}
#undef GK_T

static void gk_matmul_avx512(const block_q4_0 *W, const float *bias,
                             const int8_t *aq, const float *ad, const int32_t *as,
                             float *Y, int L, int nout, int nin) {
    int nb = nin / QK;
    if (nout % 16) { matmul_q4q8_pkg(W, bias, aq, ad, as, Y, L, nout, nin); return; }
    gk_wexp ex = gk_expand_all(W, nout, nb);
    int ntiles = (L + GK_TILE - 1) / GK_TILE, ngroups = nout / 16;
#pragma omp parallel for collapse(2) schedule(static) if (!omp_in_parallel())
    for (int ti = 0; ti < ntiles; ti++)
        for (int gi = 0; gi < ngroups; gi++) {
            int t0 = ti * GK_TILE, t1 = t0 + GK_TILE < L ? t0 + GK_TILE : L;
            gk_tile_avx512(ex.w + (size_t)gi * nb * 512, ex.d + (size_t)gi * nb * 16, bias, aq, ad, as,
                           Y, t0, t1, gi * 16, nout, nin);
        }
    free(ex.w); free(ex.d);
}
#endif
