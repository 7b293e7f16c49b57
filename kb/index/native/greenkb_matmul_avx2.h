/* GreenKB: the int8 x int4 matmul on AVX2 (CPUs without AVX-512 VNNI).
 *
 * Same layout idea as the VNNI kernel: a 256-bit register holds one 4-weight group of 8
 * output rows (4 bytes per row), the activations' 4 matching bytes are broadcast, and
 * vpmaddubsw (unsigned weights x signed activations, pairs summed to int16) then vpmaddwd
 * against ones gives each row's dot product in its own int32 lane: no horizontal sums.
 * The int16 sums of a block's 8 groups are added before vpmaddwd — at most
 * 8 x 2 x 15 x 128 = 30720 in magnitude, so int16 never overflows — which leaves one
 * vpmaddwd, one conversion and one FMA per block. Sixteen rows (two registers) and four
 * tokens run side by side: each weight load serves four tokens, each broadcast two rows'
 * registers. The int16 sums use the saturating add (it never saturates here) because GCC
 * reassociates plain integer adds across the unrolled groups and spills the partial sums
 * to the stack; saturating adds stay in order (measured: 15 % faster). */
#if defined(__AVX2__) && defined(__FMA__)
#define GK_HAVE_MATMUL_AVX2 1

/* tokens t0..t1-1 of row group rg (rows 16 rg .. 16 rg + 15) */
static inline void gk_tile_avx2(const uint8_t *wexp, const float *dwb, const float *bias,
                                const int8_t *aq, const float *ad, const int32_t *as,
                                float *Y, int t0, int t1, int oo, int nout, int nin) {
    const int nb = nin / QK;
    const __m256i ones = _mm256_set1_epi16(1);
    __m256 b0 = bias ? _mm256_loadu_ps(bias + oo) : _mm256_setzero_ps();
    __m256 b1 = bias ? _mm256_loadu_ps(bias + oo + 8) : _mm256_setzero_ps();
    int t = t0;
    for (; t + 4 <= t1; t += 4) {
        const int8_t *x0 = aq + (size_t)t * nin, *x1 = x0 + nin, *x2 = x1 + nin, *x3 = x2 + nin;
        __m256 f[8];  /* f[2u + half]: token t+u, rows oo..oo+7 (half 0) or oo+8..oo+15 */
        for (int u = 0; u < 4; u++) { f[2 * u] = b0; f[2 * u + 1] = b1; }
        for (int b = 0; b < nb; b++) {
            const __m256i *wb = (const __m256i *)(wexp + (size_t)b * 8 * 64);
            __m256i s[8];
            for (int i = 0; i < 8; i++) s[i] = _mm256_setzero_si256();
            for (int g = 0; g < 8; g++) {
                __m256i w0 = _mm256_load_si256(wb + 2 * g), w1 = _mm256_load_si256(wb + 2 * g + 1);
                __m256i a0 = _mm256_set1_epi32(gk_a32(x0 + b * QK + g * 4));
                s[0] = _mm256_adds_epi16(s[0], _mm256_maddubs_epi16(w0, a0));
                s[1] = _mm256_adds_epi16(s[1], _mm256_maddubs_epi16(w1, a0));
                __m256i a1 = _mm256_set1_epi32(gk_a32(x1 + b * QK + g * 4));
                s[2] = _mm256_adds_epi16(s[2], _mm256_maddubs_epi16(w0, a1));
                s[3] = _mm256_adds_epi16(s[3], _mm256_maddubs_epi16(w1, a1));
                __m256i a2 = _mm256_set1_epi32(gk_a32(x2 + b * QK + g * 4));
                s[4] = _mm256_adds_epi16(s[4], _mm256_maddubs_epi16(w0, a2));
                s[5] = _mm256_adds_epi16(s[5], _mm256_maddubs_epi16(w1, a2));
                __m256i a3 = _mm256_set1_epi32(gk_a32(x3 + b * QK + g * 4));
                s[6] = _mm256_adds_epi16(s[6], _mm256_maddubs_epi16(w0, a3));
                s[7] = _mm256_adds_epi16(s[7], _mm256_maddubs_epi16(w1, a3));
            }
            __m256 d0 = _mm256_load_ps(dwb + b * 16), d1 = _mm256_load_ps(dwb + b * 16 + 8);
            for (int u = 0; u < 4; u++) {
                size_t ib = (size_t)(t + u) * nb + b;
                /* the nibbles are w + 8: subtract 8 x the block's activation sum, exactly, in int32 */
                __m256i c = _mm256_set1_epi32(8 * as[ib]);
                __m256 e = _mm256_set1_ps(ad[ib]);
                f[2 * u] = _mm256_fmadd_ps(_mm256_cvtepi32_ps(_mm256_sub_epi32(_mm256_madd_epi16(s[2 * u], ones), c)),
                                           _mm256_mul_ps(d0, e), f[2 * u]);
                f[2 * u + 1] = _mm256_fmadd_ps(_mm256_cvtepi32_ps(_mm256_sub_epi32(_mm256_madd_epi16(s[2 * u + 1], ones), c)),
                                               _mm256_mul_ps(d1, e), f[2 * u + 1]);
            }
        }
        for (int u = 0; u < 4; u++) {
            _mm256_storeu_ps(Y + (size_t)(t + u) * nout + oo, f[2 * u]);
            _mm256_storeu_ps(Y + (size_t)(t + u) * nout + oo + 8, f[2 * u + 1]);
        }
    }
    for (; t < t1; t++) {
        const int8_t *x0 = aq + (size_t)t * nin;
        __m256 f0 = b0, f1 = b1;
        for (int b = 0; b < nb; b++) {
            const __m256i *wb = (const __m256i *)(wexp + (size_t)b * 8 * 64);
            __m256i s0 = _mm256_setzero_si256(), s1 = s0;
            for (int g = 0; g < 8; g++) {
                __m256i a0 = _mm256_set1_epi32(gk_a32(x0 + b * QK + g * 4));
                s0 = _mm256_adds_epi16(s0, _mm256_maddubs_epi16(_mm256_load_si256(wb + 2 * g), a0));
                s1 = _mm256_adds_epi16(s1, _mm256_maddubs_epi16(_mm256_load_si256(wb + 2 * g + 1), a0));
            }
            size_t ib = (size_t)t * nb + b;
            __m256i c = _mm256_set1_epi32(8 * as[ib]);
            __m256 e = _mm256_set1_ps(ad[ib]);
            f0 = _mm256_fmadd_ps(_mm256_cvtepi32_ps(_mm256_sub_epi32(_mm256_madd_epi16(s0, ones), c)),
                                 _mm256_mul_ps(_mm256_load_ps(dwb + b * 16), e), f0);
            f1 = _mm256_fmadd_ps(_mm256_cvtepi32_ps(_mm256_sub_epi32(_mm256_madd_epi16(s1, ones), c)),
                                 _mm256_mul_ps(_mm256_load_ps(dwb + b * 16 + 8), e), f1);
        }
        _mm256_storeu_ps(Y + (size_t)t * nout + oo, f0);
        _mm256_storeu_ps(Y + (size_t)t * nout + oo + 8, f1);
    }
}

static void gk_matmul_avx2(const block_q4_0 *W, const float *bias,
                           const int8_t *aq, const float *ad, const int32_t *as,
                           float *Y, int L, int nout, int nin) {
    int nb = nin / QK;
    if (nout % 16) { matmul_q4q8_pkg(W, bias, aq, ad, as, Y, L, nout, nin); return; }
    gk_wexp ex = gk_expand_all(W, nout, nb);
    int ntiles = (L + GK_TILE - 1) / GK_TILE, ngroups = nout / 16;
    /* static schedule over (tile, row group): each thread takes a run of whole tiles; a
     * short input (one tile, e.g. a query) is split by row groups instead */
#pragma omp parallel for collapse(2) schedule(static) if (!omp_in_parallel())
    for (int ti = 0; ti < ntiles; ti++)
        for (int gi = 0; gi < ngroups; gi++) {
            int t0 = ti * GK_TILE, t1 = t0 + GK_TILE < L ? t0 + GK_TILE : L;
            gk_tile_avx2(ex.w + (size_t)gi * nb * 512, ex.d + (size_t)gi * nb * 16, bias, aq, ad, as,
                         Y, t0, t1, gi * 16, nout, nin);
        }
    free(ex.w); free(ex.d);
}
#endif
