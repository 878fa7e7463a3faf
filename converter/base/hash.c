#include "hash.h"

#include <stdio.h>

/* Two FNV-1a 64 lanes with different offsets, finished with a murmur-style mix. */
void sc_hash_init(sc_hash *h)
{
    h->h[0] = 0xcbf29ce484222325ULL;
    h->h[1] = 0x84222325cbf29ce4ULL ^ 0x9e3779b97f4a7c15ULL;
}

void sc_hash_update(sc_hash *h, const void *data, size_t len)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < len; i++) {
        h->h[0] = (h->h[0] ^ p[i]) * 0x100000001b3ULL;
        h->h[1] = (h->h[1] ^ p[i] ^ (h->h[0] >> 56)) * 0x100000001b3ULL;
    }
}

static uint64_t mix(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb93fe1a85ec3ULL;
    x ^= x >> 33;
    return x;
}

void sc_hash_bytes(const sc_hash *h, unsigned char out[16])
{
    uint64_t a = mix(h->h[0] ^ mix(h->h[1])), b = mix(h->h[1] + a);
    for (int i = 0; i < 8; i++) {
        out[i] = (unsigned char)(a >> (56 - 8 * i));
        out[8 + i] = (unsigned char)(b >> (56 - 8 * i));
    }
}

void sc_hash_uuid(const sc_hash *h, char out[37])
{
    unsigned char b[16];
    sc_hash_bytes(h, b);
    b[6] = (unsigned char)((b[6] & 0x0f) | 0x50);
    b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
    snprintf(out, 37, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0],
             b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14],
             b[15]);
}
