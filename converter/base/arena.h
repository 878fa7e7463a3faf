/* arena.h — one owner for a document's allocations: everything allocated from an arena is freed
 * together with it. Not thread-safe by design: one arena per document, one document per thread. */
#ifndef SC_ARENA_H
#define SC_ARENA_H
#include <stddef.h>

typedef struct sc_arena sc_arena;

sc_arena *sc_arena_new(void);
void sc_arena_free(sc_arena *arena);
/* Zero-filled, aligned for any type. Aborts the process on out-of-memory (as malloc failure is not
 * recoverable for a converter; bounded inputs keep it from happening). */
void *sc_arena_alloc(sc_arena *arena, size_t size);
void *sc_arena_calloc(sc_arena *arena, size_t count, size_t size);
/* Grow a block previously returned by this arena (old contents copied; old block is not reused). */
void *sc_arena_realloc(sc_arena *arena, void *old, size_t old_size, size_t new_size);
char *sc_arena_strndup(sc_arena *arena, const char *s, size_t len);
char *sc_arena_strdup(sc_arena *arena, const char *s);
char *sc_arena_printf(sc_arena *arena, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
size_t sc_arena_bytes_used(const sc_arena *arena);

#endif
