/* epub_map.c — a tiny open-addressing hash map for the writer's lookups (node -> anchor, source id
 * -> anchor, used output ids). Lookups only: nothing iterates it, so pointer keys cannot make the
 * output depend on memory addresses. Memory comes from the writer's arena. */
#include <stdint.h>
#include <string.h>

#include "epub_internal.h"

typedef struct ep_slot {
    const void *key;
    void *value;
    uint64_t hash;
} ep_slot;

struct ep_map {
    sc_arena *arena;
    ep_slot *slots;
    size_t cap, count; /* cap is a power of two */
};

ep_map *ep_map_new(sc_arena *arena)
{
    ep_map *m = sc_arena_alloc(arena, sizeof *m);
    m->arena = arena;
    m->cap = 64;
    m->slots = sc_arena_calloc(arena, m->cap, sizeof *m->slots);
    return m;
}

static uint64_t hash_ptr(const void *p)
{
    uint64_t x = (uint64_t)(uintptr_t)p;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return x | 1; /* never 0: 0 marks an empty slot */
}

static uint64_t hash_str(const char *s)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
    return h | 1;
}

static ep_slot *find(const ep_map *m, const void *key, uint64_t h, int is_str)
{
    for (size_t i = h & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
        ep_slot *s = &m->slots[i];
        if (!s->hash)
            return s;
        if (s->hash == h && (is_str ? strcmp(s->key, key) == 0 : s->key == key))
            return s;
    }
}

static void grow(ep_map *m)
{
    ep_slot *old = m->slots;
    size_t old_cap = m->cap;
    m->cap *= 2;
    m->slots = sc_arena_calloc(m->arena, m->cap, sizeof *m->slots);
    for (size_t i = 0; i < old_cap; i++) {
        if (!old[i].hash)
            continue;
        size_t j = old[i].hash & (m->cap - 1);
        while (m->slots[j].hash)
            j = (j + 1) & (m->cap - 1);
        m->slots[j] = old[i];
    }
}

static void put(ep_map *m, const void *key, uint64_t h, int is_str, void *value)
{
    if ((m->count + 1) * 4 > m->cap * 3)
        grow(m);
    ep_slot *s = find(m, key, h, is_str);
    if (!s->hash) {
        s->hash = h;
        s->key = key;
        m->count++;
    }
    s->value = value;
}

void *ep_map_get_ptr(const ep_map *m, const void *key)
{
    return find(m, key, hash_ptr(key), 0)->value;
}

void ep_map_put_ptr(ep_map *m, const void *key, void *value)
{
    put(m, key, hash_ptr(key), 0, value);
}

void *ep_map_get_str(const ep_map *m, const char *key)
{
    return find(m, key, hash_str(key), 1)->value;
}

void ep_map_put_str(ep_map *m, const char *key, void *value)
{
    put(m, key, hash_str(key), 1, value);
}
