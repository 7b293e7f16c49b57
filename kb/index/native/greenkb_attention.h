/* GreenKB: the package's per-text attention, reorganised for AVX-512. K is stored
 * transposed so that one query's scores against 16 keys are one vector FMA per head
 * dimension, and the weighted sum of V is kept in registers. Same maths: per text,
 * per head, softmax(q.k * scale) . v. Other head sizes or CPUs take the plain loop. */
static void gk_attention(const float *q, const float *k, const float *v, float *ctx,
                         const int *sstart, const int *send, int T, int H, int NH,
                         int hd, float scale, int maxp) {
#if defined(__AVX512F__)
    const int fast = (hd == 32);
#else
    const int fast = 0;
#endif
    float *kt = NULL;
    if (fast) {
        kt = (float *)malloc(sizeof(float) * (size_t)T * H);   /* kt[c][s] = k[s][c] */
#pragma omp parallel for schedule(static)
        for (int c = 0; c < H; c++)
            for (int s = 0; s < T; s++) kt[(size_t)c * T + s] = k[(size_t)s * H + c];
    }
#pragma omp parallel
    {
        float *prob = (float *)malloc(sizeof(float) * (size_t)(maxp + 16));
#pragma omp for collapse(2) schedule(static)
        for (int t = 0; t < T; t++)
            for (int h = 0; h < NH; h++) {
                int s0 = sstart[t], n = send[t] - s0;
                const float *qh = q + (size_t)t * H + h * hd;
                float *ch = ctx + (size_t)t * H + h * hd;
#if defined(__AVX512F__)
                if (fast) {
                    __m512 mxv = _mm512_set1_ps(-1e30f);
                    for (int j0 = 0; j0 < n; j0 += 16) {
                        __mmask16 mk = n - j0 >= 16 ? (__mmask16)0xFFFF : (__mmask16)((1u << (n - j0)) - 1);
                        __m512 a0 = _mm512_setzero_ps(), a1 = _mm512_setzero_ps();
                        const float *kr = kt + (size_t)(h * 32) * T + s0 + j0;
                        for (int e = 0; e < 32; e += 2) {
                            a0 = _mm512_fmadd_ps(_mm512_set1_ps(qh[e]), _mm512_maskz_loadu_ps(mk, kr + (size_t)e * T), a0);
                            a1 = _mm512_fmadd_ps(_mm512_set1_ps(qh[e + 1]), _mm512_maskz_loadu_ps(mk, kr + (size_t)(e + 1) * T), a1);
                        }
                        __m512 sc = _mm512_mul_ps(_mm512_add_ps(a0, a1), _mm512_set1_ps(scale));
                        _mm512_mask_storeu_ps(prob + j0, mk, sc);
                        mxv = _mm512_mask_max_ps(mxv, mk, mxv, sc);
                    }
                    float mx = _mm512_reduce_max_ps(mxv), sum = 0.f;
                    for (int j = 0; j < n; j++) { prob[j] = expf(prob[j] - mx); sum += prob[j]; }
                    float inv = 1.f / sum;
                    __m512 c0 = _mm512_setzero_ps(), c1 = _mm512_setzero_ps();
                    __m512 d0 = _mm512_setzero_ps(), d1 = _mm512_setzero_ps();
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
                    continue;
                }
#endif
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
        free(prob);
    }
    free(kt);
}
