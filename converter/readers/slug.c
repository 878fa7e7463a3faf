/* slug.c — heading ids as GitHub makes them (github-slugger): lowercase; keep letters, marks,
 * numbers, connector punctuation (_), '-' and spaces; spaces become '-'; Vietnamese letters stay
 * as they are. A repeated id gets -1, -2, ... (an id taken by such a suffix counts as used). */
#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#include "../base/buf.h"
#include "internal.h"

void sc_slugger_init(sc_slugger *s, sc_arena *arena)
{
    memset(s, 0, sizeof *s);
    s->arena = arena;
}

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

/* The slot holding `key`, or the empty slot where it would go. */
static size_t find_slot(const sc_slugger *s, const char *key)
{
    size_t i = (size_t)(hash_str(key) & (s->cap - 1));
    while (s->slots[i] && strcmp(s->slots[i], key) != 0)
        i = (i + 1) & (s->cap - 1);
    return i;
}

static void grow(sc_slugger *s)
{
    size_t old_cap = s->cap;
    const char **old_slots = s->slots;
    int *old_counts = s->counts;
    s->cap = old_cap ? old_cap * 2 : 64;
    s->slots = sc_arena_calloc(s->arena, s->cap, sizeof *s->slots);
    s->counts = sc_arena_calloc(s->arena, s->cap, sizeof *s->counts);
    for (size_t i = 0; i < old_cap; i++) {
        if (old_slots[i]) {
            size_t j = find_slot(s, old_slots[i]);
            s->slots[j] = old_slots[i];
            s->counts[j] = old_counts[i];
        }
    }
}

static size_t insert(sc_slugger *s, const char *key)
{
    if ((s->count + 1) * 2 > s->cap)
        grow(s);
    size_t i = find_slot(s, key);
    if (!s->slots[i]) {
        s->slots[i] = key;
        s->counts[i] = 0;
        s->count++;
    }
    return i;
}

static int keeps(int32_t c)
{
    switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
    case UTF8PROC_CATEGORY_PC:
        return 1;
    default:
        return c == '-';
    }
}

/* The base slug of `text`; "section" when nothing is left (an empty id is no anchor). */
static char *base_slug(sc_arena *arena, const char *text, size_t len)
{
    sc_buf b;
    sc_buf_init(&b);
    for (size_t i = 0; i < len;) {
        int32_t c = sc_utf8_next(text, len, &i);
        if (c == ' ') {
            sc_buf_putc(&b, '-');
        } else if (keeps(c)) {
            utf8proc_uint8_t enc[4];
            utf8proc_ssize_t n = utf8proc_encode_char(utf8proc_tolower(c), enc);
            sc_buf_append(&b, enc, (size_t)n);
        }
    }
    char *slug = b.len ? sc_arena_strndup(arena, b.data, b.len) : sc_arena_strdup(arena, "section");
    sc_buf_free(&b);
    return slug;
}

void sc_slugger_reserve(sc_slugger *s, const char *id)
{
    insert(s, sc_arena_strdup(s->arena, id));
}

const char *sc_slugger_slug(sc_slugger *s, const char *text, size_t len)
{
    char *base = base_slug(s->arena, text, len);
    const char *result = base;
    for (;;) {
        if (s->cap == 0)
            grow(s);
        size_t i = find_slot(s, result);
        if (!s->slots[i])
            break;
        size_t b = find_slot(s, base); /* the base is always present once a clash happens */
        s->counts[b]++;
        result = sc_arena_printf(s->arena, "%s-%d", base, s->counts[b]);
    }
    insert(s, result);
    return result;
}
