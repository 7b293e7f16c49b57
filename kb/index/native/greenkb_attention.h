/* GreenKB: the package's per-text attention, reorganised for SIMD. Same maths: per text,
 * per head, softmax(q.k * scale) . v. K is stored transposed so that one query's scores
 * against 16 (AVX-512) or 8 (AVX2) keys are one vector FMA per head dimension, and the
 * weighted sum of V is kept in registers. Other head sizes or CPUs take the plain loop. */
#include "greenkb_common.h"

#if defined(__AVX512F__)
#define GK_ATTENTION_PATH "avx512"
#elif defined(__AVX2__) && defined(__FMA__)
#define GK_ATTENTION_PATH "avx2"
#else
#define GK_ATTENTION_PATH "plain"
#endif

#if defined(__AVX2__) && defined(__FMA__)
/* e^x for 8 floats (Cephes' expf: 2^n times a degree-6 polynomial on [-ln2/2, ln2/2]);
 * relative error about 2e-7 over the softmax's range (x <= 0); below -87.3 it is 0. */
static inline __m256 gk_exp8(__m256 x) {
    x = _mm256_min_ps(_mm256_max_ps(x, _mm256_set1_ps(-87.3f)), _mm256_set1_ps(88.3f));
    __m256 n = _mm256_floor_ps(_mm256_fmadd_ps(x, _mm256_set1_ps(1.44269504088896341f), _mm256_set1_ps(0.5f)));
    x = _mm256_fnmadd_ps(n, _mm256_set1_ps(0.693359375f), x);
    x = _mm256_fnmadd_ps(n, _mm256_set1_ps(-2.12194440e-4f), x);
    __m256 y = _mm256_set1_ps(1.9875691500e-4f);
    y = _mm256_fmadd_ps(y, x, _mm256_set1_ps(1.3981999507e-3f));
    y = _mm256_fmadd_ps(y, x, _mm256_set1_ps(8.3334519073e-3f));
    y = _mm256_fmadd_ps(y, x, _mm256_set1_ps(4.1665795894e-2f));
    y = _mm256_fmadd_ps(y, x, _mm256_set1_ps(1.6666665459e-1f));
    y = _mm256_fmadd_ps(y, x, _mm256_set1_ps(5.0000001201e-1f));
    y = _mm256_fmadd_ps(y, _mm256_mul_ps(x, x), _mm256_add_ps(x, _mm256_set1_ps(1.f)));
    __m256i e = _mm256_slli_epi32(_mm256_add_epi32(_mm256_cvtps_epi32(n), _mm256_set1_epi32(127)), 23);
    return _mm256_mul_ps(y, _mm256_castsi256_ps(e));
}

static inline float gk_hmax8(__m256 v) {
    __m128 m = _mm_max_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    m = _mm_max_ps(m, _mm_movehl_ps(m, m));
    return _mm_cvtss_f32(_mm_max_ss(m, _mm_movehdup_ps(m)));
}

static inline float gk_hsum8(__m256 v) {
    __m128 m = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    m = _mm_add_ps(m, _mm_movehl_ps(m, m));
    return _mm_cvtss_f32(_mm_add_ss(m, _mm_movehdup_ps(m)));
}

/* One query, one head of 32 dimensions, keys s0..s0+n-1: ch = softmax(q.k * scale) . v.
 * kt is K transposed ([H][T], padded so that reading up to 63 keys past a row is safe);
 * prob holds n rounded up to 64 floats. */
static inline void gk_head_avx2(const float *qh, const float *kt, const float *v, float *ch, float *prob,
                                int s0, int n, int T, int H, int h, float scale) {
    const float *kr = kt + (size_t)(h * 32) * T + s0;
    /* scores, 32 keys a pass: each broadcast q element feeds four FMAs; even and odd
     * dimensions go to separate accumulators, so the FMA chains are 16 long, not 32 */
    for (int j0 = 0; j0 < n; j0 += 32) {
        __m256 a0 = _mm256_setzero_ps(), a1 = a0, a2 = a0, a3 = a0, b0 = a0, b1 = a0, b2 = a0, b3 = a0;
        for (int e = 0; e < 32; e += 2) {
            const float *k = kr + (size_t)e * T + j0, *k2 = k + T;
            __m256 qe = _mm256_broadcast_ss(qh + e), qo = _mm256_broadcast_ss(qh + e + 1);
            a0 = _mm256_fmadd_ps(qe, _mm256_loadu_ps(k), a0);
            a1 = _mm256_fmadd_ps(qe, _mm256_loadu_ps(k + 8), a1);
            a2 = _mm256_fmadd_ps(qe, _mm256_loadu_ps(k + 16), a2);
            a3 = _mm256_fmadd_ps(qe, _mm256_loadu_ps(k + 24), a3);
            b0 = _mm256_fmadd_ps(qo, _mm256_loadu_ps(k2), b0);
            b1 = _mm256_fmadd_ps(qo, _mm256_loadu_ps(k2 + 8), b1);
            b2 = _mm256_fmadd_ps(qo, _mm256_loadu_ps(k2 + 16), b2);
            b3 = _mm256_fmadd_ps(qo, _mm256_loadu_ps(k2 + 24), b3);
        }
        __m256 sc = _mm256_set1_ps(scale);
        _mm256_storeu_ps(prob + j0, _mm256_mul_ps(_mm256_add_ps(a0, b0), sc));
        _mm256_storeu_ps(prob + j0 + 8, _mm256_mul_ps(_mm256_add_ps(a1, b1), sc));
        _mm256_storeu_ps(prob + j0 + 16, _mm256_mul_ps(_mm256_add_ps(a2, b2), sc));
        _mm256_storeu_ps(prob + j0 + 24, _mm256_mul_ps(_mm256_add_ps(a3, b3), sc));
    }
    /* softmax over the n real scores (lanes past n hold keys of the next text: masked) */
    const __m256i lane = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
    __m256 mxv = _mm256_set1_ps(-1e30f);
    for (int j = 0; j < n; j += 8) {
        __m256 live = _mm256_castsi256_ps(_mm256_cmpgt_epi32(_mm256_set1_epi32(n - j), lane));
        mxv = _mm256_max_ps(mxv, _mm256_blendv_ps(_mm256_set1_ps(-1e30f), _mm256_loadu_ps(prob + j), live));
    }
    __m256 mx = _mm256_set1_ps(gk_hmax8(mxv)), sumv = _mm256_setzero_ps();
    for (int j = 0; j < n; j += 8) {
        __m256 live = _mm256_castsi256_ps(_mm256_cmpgt_epi32(_mm256_set1_epi32(n - j), lane));
        __m256 p = _mm256_and_ps(gk_exp8(_mm256_sub_ps(_mm256_loadu_ps(prob + j), mx)), live);
        _mm256_storeu_ps(prob + j, p);
        sumv = _mm256_add_ps(sumv, p);
    }
    float inv = 1.f / gk_hsum8(sumv);
    /* weighted sum of V, two keys a step into separate accumulators */
    __m256 c0 = _mm256_setzero_ps(), c1 = c0, c2 = c0, c3 = c0, d0 = c0, d1 = c0, d2 = c0, d3 = c0;
    const float *vb = v + (size_t)s0 * H + h * 32;
    int j = 0;
    for (; j + 1 < n; j += 2) {
        __m256 p = _mm256_broadcast_ss(prob + j), p2 = _mm256_broadcast_ss(prob + j + 1);
        const float *vh = vb + (size_t)j * H, *vh2 = vh + H;
        c0 = _mm256_fmadd_ps(p, _mm256_loadu_ps(vh), c0);
        c1 = _mm256_fmadd_ps(p, _mm256_loadu_ps(vh + 8), c1);
        c2 = _mm256_fmadd_ps(p, _mm256_loadu_ps(vh + 16), c2);
        c3 = _mm256_fmadd_ps(p, _mm256_loadu_ps(vh + 24), c3);
        d0 = _mm256_fmadd_ps(p2, _mm256_loadu_ps(vh2), d0);
        d1 = _mm256_fmadd_ps(p2, _mm256_loadu_ps(vh2 + 8), d1);
        d2 = _mm256_fmadd_ps(p2, _mm256_loadu_ps(vh2 + 16), d2);
        d3 = _mm256_fmadd_ps(p2, _mm256_loadu_ps(vh2 + 24), d3);
    }
    if (j < n) {
        __m256 p = _mm256_broadcast_ss(prob + j);
        const float *vh = vb + (size_t)j * H;
        c0 = _mm256_fmadd_ps(p, _mm256_loadu_ps(vh), c0);
        c1 = _mm256_fmadd_ps(p, _mm256_loadu_ps(vh + 8), c1);
        c2 = _mm256_fmadd_ps(p, _mm256_loadu_ps(vh + 16), c2);
        c3 = _mm256_fmadd_ps(p, _mm256_loadu_ps(vh + 24), c3);
    }
    __m256 iv = _mm256_set1_ps(inv);
    _mm256_storeu_ps(ch, _mm256_mul_ps(_mm256_add_ps(c0, d0), iv));
    _mm256_storeu_ps(ch + 8, _mm256_mul_ps(_mm256_add_ps(c1, d1), iv));
    _mm256_storeu_ps(ch + 16, _mm256_mul_ps(_mm256_add_ps(c2, d2), iv));
    _mm256_storeu_ps(ch + 24, _mm256_mul_ps(_mm256_add_ps(c3, d3), iv));
}
#endif

#if defined(__AVX512F__)
/* e^x for 16 floats: gk_exp8's polynomial, with vscalefps for the 2^n */
static inline __m512 gk_exp16(__m512 x) {
    x = _mm512_max_ps(x, _mm512_set1_ps(-87.3f));
    __m512 n = _mm512_roundscale_ps(_mm512_fmadd_ps(x, _mm512_set1_ps(1.44269504088896341f), _mm512_set1_ps(0.5f)),
                                    _MM_FROUND_TO_NEG_INF | _MM_FROUND_NO_EXC);
    x = _mm512_fnmadd_ps(n, _mm512_set1_ps(0.693359375f), x);
    x = _mm512_fnmadd_ps(n, _mm512_set1_ps(-2.12194440e-4f), x);
    __m512 y = _mm512_set1_ps(1.9875691500e-4f);
    y = _mm512_fmadd_ps(y, x, _mm512_set1_ps(1.3981999507e-3f));
    y = _mm512_fmadd_ps(y, x, _mm512_set1_ps(8.3334519073e-3f));
    y = _mm512_fmadd_ps(y, x, _mm512_set1_ps(4.1665795894e-2f));
    y = _mm512_fmadd_ps(y, x, _mm512_set1_ps(1.6666665459e-1f));
    y = _mm512_fmadd_ps(y, x, _mm512_set1_ps(5.0000001201e-1f));
    y = _mm512_fmadd_ps(y, _mm512_mul_ps(x, x), _mm512_add_ps(x, _mm512_set1_ps(1.f)));
    return _mm512_scalef_ps(y, n);
}

/* One query, one head of 32 dimensions (see gk_head_avx2): 64 keys a pass in eight
 * accumulators (four key vectors x even/odd dimensions), 32 when no more remain. */
static inline void gk_head_avx512(const float *qh, const float *kt, const float *v, float *ch, float *prob,
                                  int s0, int n, int T, int H, int h, float scale) {
    const float *kr = kt + (size_t)(h * 32) * T + s0;
    const __m512 sc = _mm512_set1_ps(scale);
    for (int j0 = 0; j0 < n; ) {
        if (n - j0 > 32) {
            __m512 a0 = _mm512_setzero_ps(), a1 = a0, a2 = a0, a3 = a0, b0 = a0, b1 = a0, b2 = a0, b3 = a0;
            for (int e = 0; e < 32; e += 2) {
                const float *k = kr + (size_t)e * T + j0, *k2 = k + T;
                __m512 qe = _mm512_set1_ps(qh[e]), qo = _mm512_set1_ps(qh[e + 1]);
                a0 = _mm512_fmadd_ps(qe, _mm512_loadu_ps(k), a0);
                a1 = _mm512_fmadd_ps(qe, _mm512_loadu_ps(k + 16), a1);
                a2 = _mm512_fmadd_ps(qe, _mm512_loadu_ps(k + 32), a2);
                a3 = _mm512_fmadd_ps(qe, _mm512_loadu_ps(k + 48), a3);
                b0 = _mm512_fmadd_ps(qo, _mm512_loadu_ps(k2), b0);
                b1 = _mm512_fmadd_ps(qo, _mm512_loadu_ps(k2 + 16), b1);
                b2 = _mm512_fmadd_ps(qo, _mm512_loadu_ps(k2 + 32), b2);
                b3 = _mm512_fmadd_ps(qo, _mm512_loadu_ps(k2 + 48), b3);
            }
            _mm512_storeu_ps(prob + j0, _mm512_mul_ps(_mm512_add_ps(a0, b0), sc));
            _mm512_storeu_ps(prob + j0 + 16, _mm512_mul_ps(_mm512_add_ps(a1, b1), sc));
            _mm512_storeu_ps(prob + j0 + 32, _mm512_mul_ps(_mm512_add_ps(a2, b2), sc));
            _mm512_storeu_ps(prob + j0 + 48, _mm512_mul_ps(_mm512_add_ps(a3, b3), sc));
            j0 += 64;
        } else {
            __m512 a0 = _mm512_setzero_ps(), a1 = a0, b0 = a0, b1 = a0;
            for (int e = 0; e < 32; e += 2) {
                const float *k = kr + (size_t)e * T + j0, *k2 = k + T;
                __m512 qe = _mm512_set1_ps(qh[e]), qo = _mm512_set1_ps(qh[e + 1]);
                a0 = _mm512_fmadd_ps(qe, _mm512_loadu_ps(k), a0);
                a1 = _mm512_fmadd_ps(qe, _mm512_loadu_ps(k + 16), a1);
                b0 = _mm512_fmadd_ps(qo, _mm512_loadu_ps(k2), b0);
                b1 = _mm512_fmadd_ps(qo, _mm512_loadu_ps(k2 + 16), b1);
            }
            _mm512_storeu_ps(prob + j0, _mm512_mul_ps(_mm512_add_ps(a0, b0), sc));
            _mm512_storeu_ps(prob + j0 + 16, _mm512_mul_ps(_mm512_add_ps(a1, b1), sc));
            j0 += 32;
        }
    }
    /* softmax over the n real scores (lanes past n hold keys of the next text: masked) */
    __m512 mxv = _mm512_set1_ps(-1e30f);
    for (int j = 0; j < n; j += 16) {
        __mmask16 live = n - j >= 16 ? (__mmask16)0xFFFF : (__mmask16)((1u << (n - j)) - 1);
        mxv = _mm512_mask_max_ps(mxv, live, mxv, _mm512_loadu_ps(prob + j));
    }
    __m512 mx = _mm512_set1_ps(_mm512_reduce_max_ps(mxv)), sumv = _mm512_setzero_ps();
    for (int j = 0; j < n; j += 16) {
        __mmask16 live = n - j >= 16 ? (__mmask16)0xFFFF : (__mmask16)((1u << (n - j)) - 1);
        __m512 p = _mm512_maskz_mov_ps(live, gk_exp16(_mm512_sub_ps(_mm512_loadu_ps(prob + j), mx)));
        _mm512_storeu_ps(prob + j, p);
        sumv = _mm512_add_ps(sumv, p);
    }
    float inv = 1.f / _mm512_reduce_add_ps(sumv);
    __m512 c0 = _mm512_setzero_ps(), c1 = c0, d0 = c0, d1 = c0;
    const float *vb = v + (size_t)s0 * H + h * 32;
    int j = 0;
    for (; j + 1 < n; j += 2) {
        __m512 p = _mm512_set1_ps(prob[j]), p2 = _mm512_set1_ps(prob[j + 1]);
        const float *vh = vb + (size_t)j * H, *vh2 = vh + H;
        c0 = _mm512_fmadd_ps(p, _mm512_loadu_ps(vh), c0);
        c1 = _mm512_fmadd_ps(p, _mm512_loadu_ps(vh + 16), c1);
        d0 = _mm512_fmadd_ps(p2, _mm512_loadu_ps(vh2), d0);
        d1 = _mm512_fmadd_ps(p2, _mm512_loadu_ps(vh2 + 16), d1);
    }
    if (j < n) {
        __m512 p = _mm512_set1_ps(prob[j]);
        const float *vh = vb + (size_t)j * H;
        c0 = _mm512_fmadd_ps(p, _mm512_loadu_ps(vh), c0);
        c1 = _mm512_fmadd_ps(p, _mm512_loadu_ps(vh + 16), c1);
    }
    __m512 iv = _mm512_set1_ps(inv);
    _mm512_storeu_ps(ch, _mm512_mul_ps(_mm512_add_ps(c0, d0), iv));
    _mm512_storeu_ps(ch + 16, _mm512_mul_ps(_mm512_add_ps(c1, d1), iv));
}
#endif

/* The package's loop: any head size, any CPU. */
static inline void gk_head_plain(const float *qh, const float *k, const float *v, float *ch, float *prob,
                                 int s0, int n, int H, int hd, int h, float scale) {
    float mx = -1e30f;
    for (int j = 0; j < n; j++) {
        const float *kh = k + (size_t)(s0 + j) * H + h * hd;
        float d = 0.f;
        for (int e = 0; e < hd; e++) d += qh[e] * kh[e];
        d *= scale; prob[j] = d; if (d > mx) mx = d;
    }
    float sum = 0.f;
    for (int j = 0; j < n; j++) { prob[j] = expf(prob[j] - mx); sum += prob[j]; }
    float inv = 1.f / sum;
    for (int e = 0; e < hd; e++) ch[e] = 0.f;
    for (int j = 0; j < n; j++) {
        float p = prob[j] * inv;
        const float *vh = v + (size_t)(s0 + j) * H + h * hd;
        for (int e = 0; e < hd; e++) ch[e] += p * vh[e];
    }
}

static void gk_attention(const float *q, const float *k, const float *v, float *ctx,
                         const int *sstart, const int *send, int T, int H, int NH,
                         int hd, float scale, int maxp) {
#if defined(__AVX512F__) || (defined(__AVX2__) && defined(__FMA__))
    const int fast = (hd == 32);
#else
    const int fast = 0;
#endif
    float *kt = NULL;
    if (fast) {
        /* kt[c][s] = k[s][c], with 64 zeros after the last row: the score loops read up
         * to 63 keys past a text's end. Transposed 16 keys at a time: column by column
         * over all T keys missed the cache on every read (14 ms a layer at 7,000 keys). */
        kt = (float *)malloc(sizeof(float) * ((size_t)T * H + 64));
        memset(kt + (size_t)T * H, 0, 64 * sizeof(float));
#pragma omp parallel for schedule(static)
        for (int s0 = 0; s0 < T; s0 += 16) {
            int s1 = s0 + 16 < T ? s0 + 16 : T;
            for (int c = 0; c < H; c++)
                for (int s = s0; s < s1; s++) kt[(size_t)c * T + s] = k[(size_t)s * H + c];
        }
    }
#pragma omp parallel
    {
        float *prob = (float *)malloc(sizeof(float) * (size_t)(maxp + 64));
#pragma omp for collapse(2) schedule(static)
        for (int t = 0; t < T; t++)
            for (int h = 0; h < NH; h++) {
                int s0 = sstart[t], n = send[t] - s0;
                const float *qh = q + (size_t)t * H + h * hd;
                float *ch = ctx + (size_t)t * H + h * hd;
#if defined(__AVX512F__)
                if (fast) { gk_head_avx512(qh, kt, v, ch, prob, s0, n, T, H, h, scale); continue; }
#elif defined(__AVX2__) && defined(__FMA__)
                if (fast) { gk_head_avx2(qh, kt, v, ch, prob, s0, n, T, H, h, scale); continue; }
#endif
                gk_head_plain(qh, k, v, ch, prob, s0, n, H, hd, h, scale);
            }
        free(prob);
    }
    free(kt);
}
