// SHA-256 (FIPS 180-4) for DossierBuild's manifests and cache keys, in the executable: linking
// libcrypto for one digest cost every process ~3,400 symbol bindings (libcrypto is linked with
// BIND_NOW), its relocations and its mapping before main (bench/analysis.md, tenth round,
// startup). The block function has two implementations: the x86-64 SHA extensions (SHA-NI, the
// instructions libcrypto uses on this hardware) and portable C; a CPUID check picks one once.
#include "dossier_sha256.h"

#include <stdatomic.h>
#include <string.h>

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>
#endif

static const uint32_t round_constants[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static inline uint32_t rotr(uint32_t x, unsigned n) { return (x >> n) | (x << (32 - n)); }

static inline uint32_t load_be32(const uint8_t *p) {
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | (uint32_t)p[3];
}

/// Compresses `blocks` 64-byte blocks into `state` (a, b, …, h).
static void compress_portable(uint32_t state[8], const uint8_t *data, size_t blocks) {
    for (; blocks > 0; blocks--, data += 64) {
        uint32_t w[64];
        for (int t = 0; t < 16; t++) w[t] = load_be32(data + 4 * t);
        for (int t = 16; t < 64; t++) {
            uint32_t s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3);
            uint32_t s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10);
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }
        uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
        uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
        for (int t = 0; t < 64; t++) {
            uint32_t t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g))
                + round_constants[t] + w[t];
            uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
            h = g; g = f; f = e; e = d + t1;
            d = c; c = b; b = a; a = t1 + t2;
        }
        state[0] += a; state[1] += b; state[2] += c; state[3] += d;
        state[4] += e; state[5] += f; state[6] += g; state[7] += h;
    }
}

#if defined(__x86_64__)
/// The same compression with the SHA extensions: four rounds per pair of `sha256rnds2`, the
/// message schedule by `sha256msg1`/`sha256msg2` (Intel's "SHA extensions" paper, 2013).
__attribute__((target("sha,ssse3,sse4.1")))
static void compress_extensions(uint32_t state[8], const uint8_t *data, size_t blocks) {
    const __m128i byte_swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    // state is a b c d | e f g h; the instructions want ABEF and CDGH.
    __m128i dcba = _mm_loadu_si128((const __m128i *)&state[0]);
    __m128i hgfe = _mm_loadu_si128((const __m128i *)&state[4]);
    __m128i cdab = _mm_shuffle_epi32(dcba, 0xB1);
    __m128i efgh = _mm_shuffle_epi32(hgfe, 0x1B);
    __m128i abef = _mm_alignr_epi8(cdab, efgh, 8);
    __m128i cdgh = _mm_blend_epi16(efgh, cdab, 0xF0);
    for (; blocks > 0; blocks--, data += 64) {
        const __m128i abef_before = abef, cdgh_before = cdgh;
        // m0 … m3: the message words of the last four groups of four rounds.
        __m128i m0 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 0)), byte_swap);
        __m128i m1 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16)), byte_swap);
        __m128i m2 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 32)), byte_swap);
        __m128i m3 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 48)), byte_swap);
        // Four rounds with words M and the round constants from `group` * 4.
#define ROUNDS(group, M) do { \
            __m128i input = _mm_add_epi32(M, _mm_loadu_si128((const __m128i *)&round_constants[4 * (group)])); \
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, input); \
            abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(input, 0x0E)); \
        } while (0)
        // The next four words into A (the oldest): W[t] = W[t-16] + σ0(W[t-15]) + W[t-7] + σ1(W[t-2]).
#define SCHEDULE(A, B, C, D) \
        A = _mm_sha256msg2_epu32(_mm_add_epi32(_mm_sha256msg1_epu32(A, B), _mm_alignr_epi8(D, C, 4)), D)
        ROUNDS(0, m0); ROUNDS(1, m1); ROUNDS(2, m2); ROUNDS(3, m3);
        for (int group = 4; group < 16; group += 4) {
            SCHEDULE(m0, m1, m2, m3); ROUNDS(group, m0);
            SCHEDULE(m1, m2, m3, m0); ROUNDS(group + 1, m1);
            SCHEDULE(m2, m3, m0, m1); ROUNDS(group + 2, m2);
            SCHEDULE(m3, m0, m1, m2); ROUNDS(group + 3, m3);
        }
#undef ROUNDS
#undef SCHEDULE
        abef = _mm_add_epi32(abef, abef_before);
        cdgh = _mm_add_epi32(cdgh, cdgh_before);
    }
    __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
    __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
    _mm_storeu_si128((__m128i *)&state[0], _mm_blend_epi16(feba, dchg, 0xF0));
    _mm_storeu_si128((__m128i *)&state[4], _mm_alignr_epi8(dchg, feba, 8));
}

static int cpu_has_extensions(void) {
    unsigned int eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    const int ssse3 = (ecx >> 9) & 1, sse41 = (ecx >> 19) & 1;
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return 0;
    return ssse3 && sse41 && ((ebx >> 29) & 1);
}
#endif

/// -1 until the first digest; then 1 (extensions) or 0 (portable). Racing first calls
/// compute the same answer.
static atomic_int extensions = -1;

int dossier_sha256_uses_extensions(void) {
    int known = atomic_load_explicit(&extensions, memory_order_relaxed);
    if (known < 0) {
#if defined(__x86_64__)
        known = cpu_has_extensions();
#else
        known = 0;
#endif
        atomic_store_explicit(&extensions, known, memory_order_relaxed);
    }
    return known;
}

static void compress(uint32_t state[8], const uint8_t *data, size_t blocks, int use_extensions) {
#if defined(__x86_64__)
    if (use_extensions) { compress_extensions(state, data, blocks); return; }
#else
    (void)use_extensions;
#endif
    compress_portable(state, data, blocks);
}

static void digest_with(const uint8_t *bytes, size_t count, uint8_t digest[32], int use_extensions) {
    uint32_t state[8] = {
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    };
    const size_t whole = count / 64;
    if (whole > 0) compress(state, bytes, whole, use_extensions);
    // The tail, the 0x80 byte, zeros and the length in bits (big-endian): one or two blocks.
    uint8_t last[128] = {0};
    const size_t rest = count - whole * 64;
    if (rest > 0) memcpy(last, bytes + whole * 64, rest);
    last[rest] = 0x80;
    const size_t tail_blocks = rest < 56 ? 1 : 2;
    const uint64_t bits = (uint64_t)count * 8;
    for (int i = 0; i < 8; i++) last[tail_blocks * 64 - 1 - i] = (uint8_t)(bits >> (8 * i));
    compress(state, last, tail_blocks, use_extensions);
    for (int i = 0; i < 8; i++) {
        digest[4 * i] = (uint8_t)(state[i] >> 24);
        digest[4 * i + 1] = (uint8_t)(state[i] >> 16);
        digest[4 * i + 2] = (uint8_t)(state[i] >> 8);
        digest[4 * i + 3] = (uint8_t)state[i];
    }
}

void dossier_sha256(const uint8_t *bytes, size_t count, uint8_t digest[32]) {
    digest_with(bytes, count, digest, dossier_sha256_uses_extensions());
}

void dossier_sha256_portable(const uint8_t *bytes, size_t count, uint8_t digest[32]) {
    digest_with(bytes, count, digest, 0);
}
