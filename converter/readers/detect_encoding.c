/* detect_encoding.c — which legacy encoding a Vietnamese text that is not UTF-8 is in.
 *
 * Each candidate decodes the bytes; the right one gives words that are Vietnamese syllables
 * (onset + vowel nucleus + coda + at most one tone), the wrong ones give letters like "ø", "Ñ" or
 * two tones on a word. The score is the share of words with a non-ASCII letter that are
 * syllables, lowered by undefined bytes and C1 controls; ASCII words are the same in every
 * candidate and do not count. Text that is mostly valid UTF-8 is UTF-8 with a bad byte, never a
 * legacy encoding. */
#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

#include "legacy.h"

/* The winner must reach this score with at least this many Vietnamese words. */
#define SC_DETECT_MIN_SCORE 0.80
/* Candidates decode at most SC_DETECT_SAMPLE bytes from the line holding the first non-ASCII byte:
 * a quarter MiB of text is tens of thousands of words, plenty to tell the encodings apart. */
enum { SC_DETECT_MIN_WORDS = 3, SC_DETECT_SAMPLE = 256 * 1024, SC_SYLLABLE_MAX = 40 };

/* Candidates in order of preference on equal scores (TCVN3 before VN1, which reads the same
 * lower-case text identically). */
static const struct {
    sc_encoding enc;
    const char *short_name;
} candidates[] = {{SC_ENC_TCVN3, "tcvn3"},   {SC_ENC_VNI, "vni"}, {SC_ENC_CP1258, "cp1258"},
                  {SC_ENC_VISCII, "viscii"}, {SC_ENC_VPS, "vps"}, {SC_ENC_TCVN, "tcvn"}};

static const char *const onsets[] = {"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th",
                                     "tr",  "b",  "c",  "d",  "đ",  "g",  "h",  "k",  "l",  "m",
                                     "n",   "p",  "r",  "s",  "t",  "v",  "x",  ""};

enum { ANY_CODA = 0, NEEDS_CODA = 1, NO_CODA = 2 };
static const struct {
    const char *v;
    int coda;
} nuclei[] = {
    {"a", ANY_CODA},     {"ă", NEEDS_CODA},   {"â", NEEDS_CODA},   {"e", ANY_CODA},
    {"ê", ANY_CODA},     {"i", ANY_CODA},     {"o", ANY_CODA},     {"ô", ANY_CODA},
    {"ơ", ANY_CODA},     {"u", ANY_CODA},     {"ư", ANY_CODA},     {"y", ANY_CODA},
    {"ai", NO_CODA},     {"ao", NO_CODA},     {"au", NO_CODA},     {"ay", NO_CODA},
    {"âu", NO_CODA},     {"ây", NO_CODA},     {"eo", NO_CODA},     {"êu", NO_CODA},
    {"ia", NO_CODA},     {"iê", NEEDS_CODA},  {"iu", NO_CODA},     {"oa", ANY_CODA},
    {"oă", NEEDS_CODA},  {"oe", ANY_CODA},    {"oi", NO_CODA},     {"ôi", NO_CODA},
    {"ơi", NO_CODA},     {"oo", NEEDS_CODA},  {"ua", NO_CODA},     {"uâ", NEEDS_CODA},
    {"uê", ANY_CODA},    {"ui", NO_CODA},     {"uô", NEEDS_CODA},  {"uơ", NO_CODA},
    {"uy", ANY_CODA},    {"ưa", NO_CODA},     {"ưi", NO_CODA},     {"ươ", NEEDS_CODA},
    {"ưu", NO_CODA},     {"yê", NEEDS_CODA},  {"iêu", NO_CODA},    {"yêu", NO_CODA},
    {"oai", NO_CODA},    {"oao", NO_CODA},    {"oay", NO_CODA},    {"oeo", NO_CODA},
    {"uây", NO_CODA},    {"uôi", NO_CODA},    {"ươi", NO_CODA},    {"ươu", NO_CODA},
    {"uya", NO_CODA},    {"uyê", NEEDS_CODA}, {"uyu", NO_CODA},
};

static const char *const codas[] = {"ng", "nh", "ch", "c", "m", "n", "p", "t"};

static int starts_with(const char *s, const char *prefix, size_t *n)
{
    *n = strlen(prefix);
    return strncmp(s, prefix, *n) == 0;
}

/* Stop codas (c, ch, p, t) take only the acute or the dot-below tone. */
static int rhyme_ok(const char *r, int tone)
{
    for (size_t i = 0; i < sizeof nuclei / sizeof *nuclei; i++) {
        size_t n;
        if (!starts_with(r, nuclei[i].v, &n))
            continue;
        const char *coda = r + n;
        if (!*coda) {
            if (nuclei[i].coda != NEEDS_CODA)
                return 1;
            continue;
        }
        if (nuclei[i].coda == NO_CODA)
            continue;
        for (size_t k = 0; k < sizeof codas / sizeof *codas; k++) {
            if (strcmp(coda, codas[k]) != 0)
                continue;
            int stop = coda[0] == 'c' || coda[0] == 'p' || coda[0] == 't';
            if (!stop || tone == 0x301 || tone == 0x323)
                return 1;
        }
    }
    return 0;
}

/* Apply combining modifier `m` to the last letter of the toneless syllable `s` (UTF-8, *len
 * bytes); 0 when it does not fit. */
static int apply_modifier(char *s, size_t *len, int32_t m)
{
    static const struct {
        char base;
        int32_t m;
        const char *result;
    } fits[] = {{'a', 0x302, "â"}, {'a', 0x306, "ă"}, {'e', 0x302, "ê"},
                {'o', 0x302, "ô"}, {'o', 0x31B, "ơ"}, {'u', 0x31B, "ư"}};
    if (!*len)
        return 0;
    for (size_t i = 0; i < sizeof fits / sizeof *fits; i++) {
        if (s[*len - 1] == fits[i].base && m == fits[i].m) {
            (*len)--;
            size_t n = strlen(fits[i].result);
            memcpy(s + *len, fits[i].result, n);
            *len += n;
            return 1;
        }
    }
    return 0;
}

int sc_vietnamese_syllable(const char *word, size_t len)
{
    char s[SC_SYLLABLE_MAX + 4];
    size_t n = 0;
    int32_t tone = 0;
    const utf8proc_uint8_t *w = (const utf8proc_uint8_t *)word;
    for (size_t i = 0; i < len;) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate(w + i, (utf8proc_ssize_t)(len - i), &c);
        if (k <= 0)
            return 0;
        i += (size_t)k;
        utf8proc_int32_t parts[4];
        int last = 0;
        utf8proc_ssize_t np = utf8proc_decompose_char(utf8proc_tolower(c), parts, 4,
                                                      UTF8PROC_DECOMPOSE, &last);
        if (np <= 0 || np > 4)
            return 0;
        for (utf8proc_ssize_t p = 0; p < np; p++) {
            int32_t d = parts[p];
            if (n >= SC_SYLLABLE_MAX)
                return 0;
            if (d >= 'a' && d <= 'z') {
                if (d == 'f' || d == 'j' || d == 'w' || d == 'z')
                    return 0;
                s[n++] = (char)d;
            } else if (d == 0x111) {
                memcpy(s + n, "đ", 2);
                n += 2;
            } else if (d == 0x300 || d == 0x301 || d == 0x303 || d == 0x309 || d == 0x323) {
                if (tone)
                    return 0;
                tone = d;
            } else if (d == 0x302 || d == 0x306 || d == 0x31B) {
                if (!apply_modifier(s, &n, d))
                    return 0;
            } else {
                return 0;
            }
        }
    }
    s[n] = '\0';
    for (size_t i = 0; i < sizeof onsets / sizeof *onsets; i++) {
        size_t on;
        if (starts_with(s, onsets[i], &on) && s[on] && rhyme_ok(s + on, tone))
            return 1;
    }
    return 0;
}

static int is_word_char(int32_t c)
{
    utf8proc_category_t cat = utf8proc_category(c);
    return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
           cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC;
}

double sc_vietnamese_score(const char *utf8, size_t len, size_t penalties, size_t *valid)
{
    const utf8proc_uint8_t *s = (const utf8proc_uint8_t *)utf8;
    size_t words = 0, good = 0;
    size_t start = 0;
    int in_word = 0, non_ascii = 0;
    for (size_t i = 0; i <= len;) {
        utf8proc_int32_t c = -1;
        utf8proc_ssize_t k = 1;
        if (i < len) {
            k = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &c);
            if (k <= 0) {
                c = 0xFFFD;
                k = 1;
            }
        }
        if ((c >= 0x80 && c <= 0x9F) || c == 0xFFFD)
            penalties++;
        int wc = c >= 0 && is_word_char(c);
        if (wc && !in_word) {
            in_word = 1;
            non_ascii = 0;
            start = i;
        }
        if (wc && c >= 0x80)
            non_ascii = 1;
        if (!wc && in_word) {
            in_word = 0;
            if (non_ascii) {
                words++;
                good += (size_t)sc_vietnamese_syllable(utf8 + start, i - start);
            }
        }
        i += (size_t)k;
    }
    if (valid)
        *valid = good;
    return words + penalties ? (double)good / (double)(words + penalties) : 0.0;
}

/* Valid multi-byte UTF-8 sequences against ill-formed bytes: a text with at least as many good
 * sequences as bad bytes is UTF-8 with errors. */
static int mostly_utf8(const char *data, size_t len)
{
    const utf8proc_uint8_t *s = (const utf8proc_uint8_t *)data;
    size_t good = 0, bad = 0;
    for (size_t i = 0; i < len;) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        utf8proc_int32_t c;
        utf8proc_ssize_t n = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &c);
        if (n > 1) {
            good++;
            i += (size_t)n;
        } else {
            bad++;
            i++;
        }
    }
    return good >= bad;
}

void sc_encoding_detect(const char *data, size_t len, sc_encoding_guess *g)
{
    g->encoding = SC_ENC_NONE;
    g->score = 0;
    g->summary[0] = '\0';
    if (!data || !len || mostly_utf8(data, len))
        return;
    size_t from = 0;
    while (from < len && (unsigned char)data[from] < 0x80)
        from++;
    while (from > 0 && data[from - 1] != '\n')
        from--;
    data += from;
    len -= from;
    size_t sample = len < SC_DETECT_SAMPLE ? len : SC_DETECT_SAMPLE;
    size_t used = 0;
    double best = -1;
    size_t best_valid = 0;
    for (size_t i = 0; i < sizeof candidates / sizeof *candidates; i++) {
        sc_buf out;
        sc_buf_init(&out);
        size_t unmapped = 0, valid = 0;
        double score = -1;
        if (sc_encoding_decode(candidates[i].enc, data, sample, &out, &unmapped) == 0)
            score = sc_vietnamese_score(out.data ? out.data : "", out.len, unmapped, &valid);
        sc_buf_free(&out);
        if (used < sizeof g->summary) {
            int w = snprintf(g->summary + used, sizeof g->summary - used, "%s%s %.2f",
                             i ? ", " : "", candidates[i].short_name, score < 0 ? 0 : score);
            used += w > 0 ? (size_t)w : 0;
        }
        if (score > best) {
            best = score;
            best_valid = valid;
            g->encoding = candidates[i].enc;
        }
    }
    g->score = best < 0 ? 0 : best;
    if (best < SC_DETECT_MIN_SCORE || best_valid < SC_DETECT_MIN_WORDS)
        g->encoding = SC_ENC_NONE;
}
