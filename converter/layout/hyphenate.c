/* hyphenate.c — where a word may be hyphenated: libhyphen (the patterns of LibreOffice and TeX)
 * with Debian's hyphen-* dictionaries, found by the text's BCP 47 language tag (en, en-US, en-GB,
 * de, fr ... -> /usr/share/hyphen/hyph_<ll>_<CC>.dic). Dictionaries are loaded on first use and
 * kept per shaper (a tag without dictionary is remembered too, so the folder is looked at once).
 * Vietnamese is never hyphenated: its syllables are words already. */
#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hyphen.h>
#include <utf8proc.h>

#include "para.h"

#define HYPHEN_DIR "/usr/share/hyphen"
enum { MAX_DICTS = 16, TAG_MAX = 32, WORD_MAX = 96 };
/* TeX's English: \lefthyphenmin 2, \righthyphenmin 3 (characters). */
enum { LEFT_MIN = 2, RIGHT_MIN = 3 };

struct sc_hyph_cache {
    struct { char tag[TAG_MAX]; HyphenDict *dict; } dicts[MAX_DICTS];
    size_t ndicts;
};

void sc_hyph_cache_free(sc_hyph_cache *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->ndicts; i++)
        if (c->dicts[i].dict)
            hnj_hyphen_free(c->dicts[i].dict);
    free(c);
}

static HyphenDict *try_load(const char *name)
{
    char path[512];
    if ((size_t)snprintf(path, sizeof path, "%s/hyph_%s.dic", HYPHEN_DIR, name) >= sizeof path)
        return NULL;
    FILE *f = fopen(path, "r");
    if (!f)
        return NULL;
    fclose(f);
    return hnj_hyphen_load(path);
}

/* The dictionary of a language tag: hyph_ll_CC, then hyph_ll, then the first hyph_ll_* in name
 * order (deterministic). `ll` and `CC` come from the tag ("en-us" -> en_US). */
static HyphenDict *load_for(const char *tag)
{
    char ll[9] = {0}, cc[9] = {0};
    size_t i = 0;
    for (; tag[i] && tag[i] != '-' && tag[i] != '_' && i < 8; i++)
        ll[i] = (char)tolower((unsigned char)tag[i]);
    if (i == 0 || (tag[i] && tag[i] != '-' && tag[i] != '_'))
        return NULL;
    if (strcmp(ll, "vi") == 0)
        return NULL; /* never: Vietnamese has no patterns and must not be hyphenated */
    if (tag[i]) {
        const char *r = tag + i + 1;
        size_t k = 0;
        for (; r[k] && r[k] != '-' && r[k] != '_' && k < 8; k++)
            cc[k] = (char)toupper((unsigned char)r[k]);
        if (k != 2)
            cc[0] = 0; /* a script subtag (Latn) or variant: no region */
    }
    char name[24];
    HyphenDict *d = NULL;
    if (cc[0]) {
        snprintf(name, sizeof name, "%s_%s", ll, cc);
        d = try_load(name);
    }
    if (!d)
        d = try_load(ll);
    if (!d) {
        DIR *dir = opendir(HYPHEN_DIR);
        char best[256] = {0};
        size_t lllen = strlen(ll);
        struct dirent *e;
        while (dir && (e = readdir(dir)) != NULL) {
            const char *n = e->d_name;
            size_t len = strlen(n);
            if (strncmp(n, "hyph_", 5) || strncmp(n + 5, ll, lllen) || n[5 + lllen] != '_' ||
                len < 4 || strcmp(n + len - 4, ".dic") || len >= sizeof best)
                continue;
            if (!best[0] || strcmp(n, best) < 0)
                memcpy(best, n, len + 1);
        }
        if (dir)
            closedir(dir);
        if (best[0]) {
            best[strlen(best) - 4] = 0;
            d = try_load(best + 5);
        }
    }
    return d;
}

static HyphenDict *dict_for(para_work *w, const char *lang)
{
    if (!lang || !*lang || strlen(lang) >= TAG_MAX)
        return NULL;
    if (!w->hyph) {
        w->hyph = calloc(1, sizeof *w->hyph);
        if (!w->hyph)
            return NULL;
    }
    sc_hyph_cache *c = w->hyph;
    for (size_t i = 0; i < c->ndicts; i++)
        if (strcmp(c->dicts[i].tag, lang) == 0)
            return c->dicts[i].dict;
    HyphenDict *d = load_for(lang);
    if (c->ndicts < MAX_DICTS) {
        strcpy(c->dicts[c->ndicts].tag, lang);
        c->dicts[c->ndicts].dict = d;
        c->ndicts++;
    } else if (d) { /* too many languages in one document: do without the extra ones */
        hnj_hyphen_free(d);
        d = NULL;
    }
    return d;
}

int sc_hyph_has_patterns(para_work *w, const char *lang)
{
    return dict_for(w, lang) != NULL;
}

size_t sc_hyphenate_word(para_work *w, const char *lang, const char *word, size_t len,
                         uint32_t *out, size_t cap)
{
    HyphenDict *d = dict_for(w, lang);
    if (!d || len == 0 || len >= WORD_MAX)
        return 0;
    /* Lowercase, keeping every character's byte length so positions carry over; count the
     * characters and capitals (an all-capitals word is an acronym: left whole). */
    char low[WORD_MAX + 1];
    size_t nchars = 0, nupper = 0;
    for (size_t i = 0; i < len;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)word + i,
                                              (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0)
            return 0;
        utf8proc_int32_t lc = utf8proc_tolower(cp);
        nupper += lc != cp;
        utf8proc_uint8_t enc[4];
        if (utf8proc_encode_char(lc, enc) != n)
            return 0;
        memcpy(low + i, enc, (size_t)n);
        i += (size_t)n;
        nchars++;
    }
    low[len] = 0;
    if (nchars < LEFT_MIN + RIGHT_MIN || (nupper == nchars && nchars > 1))
        return 0;
    char hyphens[WORD_MAX + 5];
    char **rep = NULL;
    int *pos = NULL, *cut = NULL;
    if (hnj_hyphen_hyphenate2(d, low, (int)len, hyphens, NULL, &rep, &pos, &cut) != 0)
        return 0;
    size_t count = 0, chars_before = 0;
    for (size_t i = 0; i + 1 < len; i++) {
        if (((unsigned char)low[i] & 0xC0) != 0x80)
            chars_before++;
        if (!(hyphens[i] & 1) || (rep && rep[i]))
            continue; /* no point, or a non-standard one (a spelling change): not taken */
        if (((unsigned char)low[i + 1] & 0xC0) == 0x80)
            continue; /* inside a character */
        if (chars_before < LEFT_MIN || nchars - chars_before < RIGHT_MIN)
            continue;
        if (count < cap)
            out[count++] = (uint32_t)(i + 1);
    }
    if (rep) {
        for (size_t i = 0; i < len; i++)
            free(rep[i]);
        free(rep);
    }
    free(pos);
    free(cut);
    return count;
}
