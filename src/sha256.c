/* SPDX-License-Identifier: MIT
 *
 * sha256.c -- SHA-256 (FIPS 180-4) for the TEI header's fingerprint of the
 * input, so that an annotated file can be traced to the exact bytes it came
 * from.  Written from the specification; not a security boundary.
 */
#include "config.h"

#include <string.h>

#include "private.h"

static const uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
    0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
    0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
    0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
    0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
    0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
    0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
    0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

static uint32_t rotr(uint32_t x, unsigned n) { return (x >> n) | (x << (32 - n)); }

static void compress(tt_sha256 *c, const unsigned char *p) {
  uint32_t w[64];
  for (int i = 0; i < 16; i++)
    w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
           (uint32_t)p[4 * i + 2] << 8 | (uint32_t)p[4 * i + 3];
  for (int i = 16; i < 64; i++) {
    uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
    uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  uint32_t a = c->h[0], b = c->h[1], cc = c->h[2], d = c->h[3], e = c->h[4],
           f = c->h[5], g = c->h[6], h = c->h[7];
  for (int i = 0; i < 64; i++) {
    uint32_t t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) +
                  ((e & f) ^ (~e & g)) + K[i] + w[i];
    uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) +
                  ((a & b) ^ (a & cc) ^ (b & cc));
    h = g;
    g = f;
    f = e;
    e = d + t1;
    d = cc;
    cc = b;
    b = a;
    a = t1 + t2;
  }
  c->h[0] += a; c->h[1] += b; c->h[2] += cc; c->h[3] += d;
  c->h[4] += e; c->h[5] += f; c->h[6] += g; c->h[7] += h;
}

/* ---- SHA extensions ------------------------------------------------------
 * x86 processors with the SHA extensions (Intel since Goldmont/Ice Lake,
 * AMD since Zen) hash about five times as fast with them; the checksum of
 * every input in the TEI header took a tenth of a batch run's time
 * without.  The instructions do two rounds each (sha256rnds2) and the
 * message schedule four words at a time (sha256msg1/msg2); the state is
 * kept in the ABEF/CDGH lane order they expect.  Chosen at run time by
 * CPUID, so one binary runs everywhere. */
#if defined(__x86_64__) && defined(__GNUC__)
#include <cpuid.h>
#include <immintrin.h>
#include <pthread.h>
#define HAVE_SHA_NI 1

__attribute__((target("sha,sse4.1,ssse3"))) static void
compress_sha_ni(uint32_t h[8], const unsigned char *p, size_t n_blocks) {
  const __m128i bswap =
      _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
  __m128i tmp = _mm_loadu_si128((const __m128i *)(const void *)&h[0]);
  __m128i st1 = _mm_loadu_si128((const __m128i *)(const void *)&h[4]);
  tmp = _mm_shuffle_epi32(tmp, 0xB1);         /* C D A B */
  st1 = _mm_shuffle_epi32(st1, 0x1B);         /* H G F E */
  __m128i st0 = _mm_alignr_epi8(tmp, st1, 8); /* A B E F */
  st1 = _mm_blend_epi16(st1, tmp, 0xF0);      /* C D G H */
  for (; n_blocks--; p += 64) {
    __m128i save0 = st0, save1 = st1, w[4];
    for (int i = 0; i < 4; i++)
      w[i] = _mm_shuffle_epi8(
          _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * i)), bswap);
    for (int r = 0; r < 16; r++) { /* four rounds each */
      if (r >= 4) {                /* words 4r..4r+3 from the previous 16 */
        __m128i t = _mm_sha256msg1_epu32(w[r & 3], w[(r + 1) & 3]);
        t = _mm_add_epi32(t, _mm_alignr_epi8(w[(r + 3) & 3], w[(r + 2) & 3], 4));
        w[r & 3] = _mm_sha256msg2_epu32(t, w[(r + 3) & 3]);
      }
      __m128i msg = _mm_add_epi32(
          w[r & 3], _mm_loadu_si128((const __m128i *)(const void *)&K[4 * r]));
      st1 = _mm_sha256rnds2_epu32(st1, st0, msg);
      st0 = _mm_sha256rnds2_epu32(st0, st1, _mm_shuffle_epi32(msg, 0x0E));
    }
    st0 = _mm_add_epi32(st0, save0);
    st1 = _mm_add_epi32(st1, save1);
  }
  tmp = _mm_shuffle_epi32(st0, 0x1B);    /* F E B A */
  st1 = _mm_shuffle_epi32(st1, 0xB1);    /* D C H G */
  st0 = _mm_blend_epi16(tmp, st1, 0xF0); /* D C B A */
  st1 = _mm_alignr_epi8(st1, tmp, 8);    /* H G F E */
  _mm_storeu_si128((__m128i *)(void *)&h[0], st0);
  _mm_storeu_si128((__m128i *)(void *)&h[4], st1);
}

static int sha_ni;
static pthread_once_t sha_ni_once = PTHREAD_ONCE_INIT;

static void detect_sha_ni(void) {
  unsigned a, b, c, d;
  if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & bit_SSE4_1) || !(c & bit_SSSE3))
    return;
  if (__get_cpuid_count(7, 0, &a, &b, &c, &d) && (b & (1u << 29)))
    sha_ni = 1;
}
#endif

int tt_sha256_portable;

/* Hashes `n_blocks` whole blocks of 64 bytes. */
static void compress_blocks(tt_sha256 *c, const unsigned char *p,
                            size_t n_blocks) {
#ifdef HAVE_SHA_NI
  pthread_once(&sha_ni_once, detect_sha_ni);
  if (sha_ni && !tt_sha256_portable) {
    compress_sha_ni(c->h, p, n_blocks);
    return;
  }
#endif
  for (; n_blocks--; p += 64)
    compress(c, p);
}

void tt_sha256_init(tt_sha256 *c) {
  static const uint32_t init[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372,
                                   0xa54ff53a, 0x510e527f, 0x9b05688c,
                                   0x1f83d9ab, 0x5be0cd19};
  memcpy(c->h, init, sizeof init);
  c->total = 0;
  c->fill = 0;
}

void tt_sha256_update(tt_sha256 *c, const void *data, size_t len) {
  const unsigned char *p = data;
  c->total += len;
  if (c->fill) {
    size_t take = 64 - c->fill < len ? 64 - c->fill : len;
    memcpy(c->block + c->fill, p, take);
    c->fill += take;
    p += take;
    len -= take;
    if (c->fill < 64)
      return;
    compress_blocks(c, c->block, 1);
    c->fill = 0;
  }
  compress_blocks(c, p, len / 64);
  p += len / 64 * 64;
  len %= 64;
  memcpy(c->block, p, len);
  c->fill = len;
}

void tt_sha256_final(tt_sha256 *c, unsigned char out[32]) {
  uint64_t bits = c->total * 8;
  unsigned char pad = 0x80;
  tt_sha256_update(c, &pad, 1);
  unsigned char zero = 0;
  while (c->fill != 56)
    tt_sha256_update(c, &zero, 1);
  unsigned char len_be[8];
  for (int i = 0; i < 8; i++)
    len_be[i] = (unsigned char)(bits >> (56 - 8 * i));
  tt_sha256_update(c, len_be, 8);
  for (int i = 0; i < 8; i++) {
    out[4 * i] = (unsigned char)(c->h[i] >> 24);
    out[4 * i + 1] = (unsigned char)(c->h[i] >> 16);
    out[4 * i + 2] = (unsigned char)(c->h[i] >> 8);
    out[4 * i + 3] = (unsigned char)c->h[i];
  }
}
