/* urls.c — finding http(s) URLs in plain text, with the trailing-punctuation rule of GitHub's
 * autolinks: a sentence's final . , ; : ! ? and unbalanced closing brackets are not the URL's. */
#include <string.h>

#include "internal.h"

static int ascii_alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int starts_with_nocase(const char *s, size_t len, const char *prefix)
{
    size_t n = strlen(prefix);
    if (len < n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (lower((unsigned char)s[i]) != prefix[i])
            return 0;
    return 1;
}

/* Characters a URL in running text never contains: white space, controls, angle brackets,
 * quotes (ASCII and typographic). */
static int ends_url(int32_t c)
{
    if (c < 0x20 || c == 0x7F || sc_is_unicode_space(c))
        return 1;
    switch (c) {
    case '<': case '>': case '"': case '`': case '{': case '}': case '|': case '\\': case '^':
    case 0xAB: case 0xBB: case 0x2039: case 0x203A:
        return 1;
    default:
        return c >= 0x2018 && c <= 0x201F;
    }
}

/* Trailing characters that end a sentence rather than the URL. */
static int trailing_punct(int32_t c)
{
    switch (c) {
    case '.': case ',': case ';': case ':': case '!': case '?': case '\'': case '*': case '_':
    case '~': case 0x2026 /* … */:
        return 1;
    default:
        return 0;
    }
}

/* Drop trailing punctuation and unbalanced closing brackets from [a, *end). Bracket counts are
 * taken once and kept up to date, so a long run of closers costs linear time. */
static void trim_url(const char *s, size_t a, size_t *end)
{
    static const char closers[] = ")]}", openers[] = "([{";
    size_t open[3] = {0, 0, 0}, close[3] = {0, 0, 0};
    for (size_t i = a; i < *end; i++) {
        const char *o = strchr(openers, s[i]), *c = strchr(closers, s[i]);
        if (s[i] && o)
            open[o - openers]++;
        else if (s[i] && c)
            close[c - closers]++;
    }
    while (*end > a) {
        size_t start;
        int32_t c = sc_utf8_prev(s, *end, &start);
        const char *k = c > 0 && c < 0x80 ? strchr(closers, (int)c) : NULL;
        if (trailing_punct(c)) {
            *end = start;
        } else if (k && close[k - closers] > open[k - closers]) {
            close[k - closers]--;
            *end = start;
        } else {
            return;
        }
    }
}

int sc_find_url(const char *s, size_t len, size_t from, size_t *start, size_t *end)
{
    for (size_t i = from; i + 7 < len; i++) {
        if (lower((unsigned char)s[i]) != 'h')
            continue;
        size_t scheme;
        if (starts_with_nocase(s + i, len - i, "https://"))
            scheme = 8;
        else if (starts_with_nocase(s + i, len - i, "http://"))
            scheme = 7;
        else
            continue;
        if (i > 0 && ascii_alnum((unsigned char)s[i - 1]))
            continue;
        size_t host = i + scheme;
        if (host >= len || !(ascii_alnum((unsigned char)s[host]) || (unsigned char)s[host] >= 0x80))
            continue;
        size_t j = host;
        while (j < len) {
            size_t next = j;
            if (ends_url(sc_utf8_next(s, len, &next)))
                break;
            j = next;
        }
        trim_url(s, host, &j);
        if (j <= host)
            continue;
        *start = i;
        *end = j;
        return 1;
    }
    return 0;
}
