/* url_breaks.c — where a URL may break, as the Chicago Manual of Style (17th ed., 7.42) says:
 * after a colon or a double slash; before a single slash, a tilde, a period, a comma, a hyphen, an
 * underline, a question mark, a number sign or a percent symbol; before or after an equals sign or
 * an ampersand. No hyphen is ever added. */
#include <string.h>
#include <strings.h>

#include "text.h"

static int url_char(unsigned char c)
{
    return c > ' ' && c != '<' && c != '>' && c != '"' && c != 0x7f;
}

size_t sc_url_length(const char *t, size_t len)
{
    size_t start;
    if (len >= 8 && strncasecmp(t, "https://", 8) == 0)
        start = 8;
    else if (len >= 7 && strncasecmp(t, "http://", 7) == 0)
        start = 7;
    else
        return 0;
    size_t end = start;
    int parens = 0;
    while (end < len && url_char((unsigned char)t[end])) {
        /* Non-ASCII typographic quotes end a URL: “...”, ‘...’, «...». */
        if ((unsigned char)t[end] == 0xE2 && end + 2 < len && (unsigned char)t[end + 1] == 0x80 &&
            ((unsigned char)t[end + 2] >= 0x98 && (unsigned char)t[end + 2] <= 0x9F))
            break;
        if ((unsigned char)t[end] == 0xC2 && end + 1 < len &&
            ((unsigned char)t[end + 1] == 0xAB || (unsigned char)t[end + 1] == 0xBB ||
             (unsigned char)t[end + 1] == 0xA0))
            break;
        if (t[end] == '(')
            parens++;
        else if (t[end] == ')')
            parens--;
        end++;
    }
    /* Sentence punctuation after a URL is not part of it; a closing parenthesis is kept only
     * when the URL opened one. */
    while (end > start) {
        char c = t[end - 1];
        if (c == ')' && parens < 0) {
            parens++;
            end--;
        } else if (strchr(".,;:!?'*]}", c)) {
            end--;
        } else {
            break;
        }
    }
    return end > start ? end : 0;
}

size_t sc_url_break_points(const char *u, size_t len, uint32_t *out, size_t cap)
{
    size_t n = 0;
    for (size_t i = 1; i < len && n < cap; i++) {
        char c = u[i], prev = u[i - 1];
        char next = i + 1 < len ? u[i + 1] : 0;
        int brk = 0;
        if (prev == '/' && i >= 2 && u[i - 2] == '/' && c != '/')
            brk = 1; /* after a double slash */
        else if (prev == ':' && c != '/')
            brk = 1; /* after a colon (not the scheme's "://": that breaks after the slashes) */
        else if (c == '/' && prev != '/' && next != '/' && prev != ':')
            brk = 1; /* before a single slash */
        else if (c && strchr(".,-_~?#%", c) && prev != c)
            brk = 1;
        else if (c == '=' || c == '&' || prev == '=' || prev == '&')
            brk = 1;
        if (brk)
            out[n++] = (uint32_t)i;
    }
    return n;
}
