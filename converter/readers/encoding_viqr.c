/* encoding_viqr.c — VIQR (RFC 1456, "Vietnamese Quoted-Readable") to Unicode: ASCII letters
 * followed by ASCII marks, a vowel modifier first (breve '(', circumflex '^', horn '+') then a tone
 * (acute '\'', grave '`', hook '?', tilde '~', dot below '.'); "dd" is đ; a backslash before a mark
 * keeps it literal. Only used when asked for (--encoding viqr): English punctuation after a vowel
 * would otherwise turn into tones.
 *
 * '?' and '.' also end sentences. A text that escapes them somewhere ("\.", as RFC 1456 asks) is
 * read strictly: unescaped, they are tones. Otherwise (hand-typed VIQR) at the end of a word they
 * are tones only when the word goes on (a letter follows), when punctuation follows at once
 * ("bo^.," "nghi.." but not the ellipsis "a...") or a lower-case word follows after a space; else
 * they stay punctuation. */
#include <string.h>
#include <utf8proc.h>

#include "legacy.h"

static int is_alpha(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_vowel(unsigned char c)
{
    switch (c | 0x20) {
    case 'a': case 'e': case 'i': case 'o': case 'u': case 'y': return 1;
    default: return 0;
    }
}

static int is_mark(unsigned char c)
{
    switch (c) {
    case '(': case '^': case '+': case '\'': case '`': case '?': case '~': case '.': return 1;
    default: return 0;
    }
}

/* Combining modifier for mark `m` on vowel `v`, 0 when it does not fit. */
static int32_t modifier(unsigned char v, unsigned char m)
{
    unsigned char l = (unsigned char)(v | 0x20);
    if (m == '(' && l == 'a')
        return 0x306;
    if (m == '^' && (l == 'a' || l == 'e' || l == 'o'))
        return 0x302;
    if (m == '+' && (l == 'o' || l == 'u'))
        return 0x31B;
    return 0;
}

static int32_t tone(unsigned char m)
{
    switch (m) {
    case '\'': return 0x301;
    case '`': return 0x300;
    case '?': return 0x309;
    case '~': return 0x303;
    case '.': return 0x323;
    default: return 0;
    }
}

/* Is the '?' or '.' at s[i] a tone (see the file comment)? */
static int sentence_mark_is_tone(const unsigned char *s, size_t len, size_t i, int strict)
{
    if (strict || (i + 1 < len && is_alpha(s[i + 1])))
        return 1;
    if (i + 1 < len && s[i + 1] && strchr(",;:!)\"", s[i + 1]))
        return 1;
    if (i + 1 < len && (s[i + 1] == '.' || s[i + 1] == '?'))
        return !(s[i] == '.' && s[i + 1] == '.' && i + 2 < len && s[i + 2] == '.');
    return i + 2 < len && s[i + 1] == ' ' && s[i + 2] >= 'a' && s[i + 2] <= 'z';
}

static void put_char(sc_buf *out, int32_t c)
{
    utf8proc_uint8_t u[4];
    utf8proc_ssize_t n = utf8proc_encode_char(c, u);
    sc_buf_append(out, u, (size_t)n);
}

void sc_viqr_decode(const unsigned char *s, size_t len, sc_buf *out)
{
    sc_buf_reserve(out, len + len / 4);
    int strict = 0;
    for (size_t i = 0; i + 1 < len && !strict; i++)
        strict = s[i] == '\\' && (s[i + 1] == '.' || s[i + 1] == '?');
    for (size_t i = 0; i < len; i++) {
        unsigned char c = s[i];
        if (c == '\\' && i + 1 < len && (is_mark(s[i + 1]) || s[i + 1] == '\\')) {
            sc_buf_putc(out, (char)s[++i]);
            continue;
        }
        /* đ starts a syllable, or follows a capital in an abbreviation ("QDD" = QĐ) */
        if ((c | 0x20) == 'd' && i + 1 < len && (s[i + 1] | 0x20) == 'd' &&
            (i == 0 || !is_alpha(s[i - 1]) ||
             (c == 'D' && s[i + 1] == 'D' && s[i - 1] >= 'A' && s[i - 1] <= 'Z'))) {
            put_char(out, c == 'D' ? 0x110 : 0x111);
            i++;
            continue;
        }
        sc_buf_putc(out, (char)c);
        if (!is_vowel(c))
            continue;
        if (i + 1 < len) {
            int32_t m = modifier(c, s[i + 1]);
            if (m) {
                put_char(out, m);
                i++;
            }
        }
        if (i + 1 < len) {
            unsigned char t = s[i + 1];
            int sentence = t == '?' || t == '.';
            if (tone(t) && (!sentence || sentence_mark_is_tone(s, len, i + 1, strict))) {
                put_char(out, tone(t));
                i++;
            }
        }
    }
}
