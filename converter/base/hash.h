/* hash.h — a 128-bit content hash for identifiers (EPUB urn:uuid, PDF /ID, subset tags).
 * Not cryptographic: it only has to be stable and spread well. */
#ifndef SC_HASH_H
#define SC_HASH_H
#include <stddef.h>
#include <stdint.h>

typedef struct sc_hash { uint64_t h[2]; } sc_hash;

void sc_hash_init(sc_hash *h);
void sc_hash_update(sc_hash *h, const void *data, size_t len);
void sc_hash_bytes(const sc_hash *h, unsigned char out[16]);
/* RFC 4122 version-5-style layout of the 16 bytes: "xxxxxxxx-xxxx-5xxx-yxxx-xxxxxxxxxxxx". */
void sc_hash_uuid(const sc_hash *h, char out[37]);

#endif
