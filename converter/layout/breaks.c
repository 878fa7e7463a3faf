/* breaks.c — where a paragraph may break: ICU's line BreakIterator (UAX #14 with the text's
 * language: never inside a Vietnamese syllable, never before closing punctuation or after an
 * opening quote; mandatory breaks at newlines), run over the UTF-8 text in place (UText), except
 * inside URLs, which itemize.c breaks at the Chicago points instead. */
#include <unicode/ubrk.h>
#include <unicode/utext.h>
#include <utf8proc.h>

#include "para.h"

static void find_urls(const sc_para *p, para_work *w)
{
    w->nurls = 0;
    for (size_t i = 0; i + 7 <= p->len; i++) {
        char c = p->text[i];
        if (c != 'h' && c != 'H')
            continue;
        if (i > 0) { /* a URL does not start inside a word */
            size_t s = i - 1;
            while (s > 0 && ((unsigned char)p->text[s] & 0xC0) == 0x80)
                s--;
            utf8proc_int32_t prev = 0;
            utf8proc_iterate((const utf8proc_uint8_t *)p->text + s, (utf8proc_ssize_t)(i - s),
                             &prev);
            utf8proc_category_t cat = utf8proc_category(prev);
            if (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO)
                continue;
        }
        size_t n = sc_url_length(p->text + i, p->len - i);
        if (n == 0)
            continue;
        PARA_RESERVE(w->urls, w->capurls, w->nurls + 2);
        w->urls[w->nurls++] = (uint32_t)i;
        w->urls[w->nurls++] = (uint32_t)(i + n);
        i += n - 1;
    }
}

static int inside_url(const para_work *w, uint32_t pos)
{
    for (size_t i = 0; i < w->nurls; i += 2) {
        if (pos > w->urls[i] && pos < w->urls[i + 1])
            return 1;
    }
    return 0;
}

static void push_bound(para_work *w, uint32_t pos, int hard)
{
    PARA_RESERVE(w->bounds, w->capbounds, w->nbounds + 1);
    PARA_RESERVE(w->hard, w->caphard, w->nbounds + 1);
    w->bounds[w->nbounds] = pos;
    w->hard[w->nbounds] = (unsigned char)hard;
    w->nbounds++;
}

void sc_para_find_breaks(sc_para *p, para_work *w)
{
    find_urls(p, w);
    w->nbounds = 0;
    UErrorCode err = U_ZERO_ERROR;
    UText ut = UTEXT_INITIALIZER;
    const char *lang = p->nspans ? p->spans[0].lang : NULL;
    UBreakIterator *bi = sc_shaper_line_breaker(p->shaper, lang ? lang : "");
    if (bi && p->len > 0) {
        utext_openUTF8(&ut, p->text, (int64_t)p->len, &err);
        if (U_SUCCESS(err))
            ubrk_setUText(bi, &ut, &err);
        if (U_SUCCESS(err)) {
            for (int32_t b = ubrk_first(bi); (b = ubrk_next(bi)) != UBRK_DONE;) {
                int32_t st = ubrk_getRuleStatus(bi);
                if ((uint32_t)b >= p->len)
                    break;
                if (!inside_url(w, (uint32_t)b))
                    push_bound(w, (uint32_t)b, st >= UBRK_LINE_HARD && st < UBRK_LINE_HARD_LIMIT);
            }
        }
        utext_close(&ut);
    }
    if (U_FAILURE(err) || !bi) { /* no ICU data: break at spaces only */
        w->nbounds = 0;
        for (size_t i = 0; i < p->len; i++) {
            if ((p->text[i] == ' ' || p->text[i] == '\n') && i + 1 < p->len &&
                p->text[i + 1] != ' ' && !inside_url(w, (uint32_t)i + 1))
                push_bound(w, (uint32_t)i + 1, p->text[i] == '\n');
        }
    }
    push_bound(w, (uint32_t)p->len, 0);
}

