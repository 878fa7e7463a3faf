/* epub_opf.c — META-INF/container.xml and the EPUB 3 package document (metadata, manifest,
 * spine). */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "epub_internal.h"

int ep_write_container(sc_buf *out)
{
    ep_xml x;
    if (ep_xml_begin(&x, out) < 0)
        return -1;
    ep_start(&x, "container");
    ep_attr(&x, "version", "1.0");
    ep_attr(&x, "xmlns", "urn:oasis:names:tc:opendocument:xmlns:container");
    ep_newline(&x);
    ep_start(&x, "rootfiles");
    ep_newline(&x);
    ep_start(&x, "rootfile");
    ep_attr(&x, "full-path", "EPUB/package.opf");
    ep_attr(&x, "media-type", "application/oebps-package+xml");
    ep_end(&x);
    ep_newline(&x);
    ep_end(&x);
    ep_newline(&x);
    ep_end(&x);
    ep_newline(&x);
    return ep_xml_end(&x);
}

static int digits(const char *s, int n)
{
    for (int i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

static int number(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

/* The W3CDTF forms epubcheck accepts for dc:date: YYYY, YYYY-MM, YYYY-MM-DD, optionally with a
 * time "Thh:mm[:ss[.s+]]" and zone "Z" or "+hh:mm". Other spellings ("April 2, 2021") are left
 * out of the package rather than made invalid. */
static int valid_date(const char *s)
{
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    size_t len = strlen(s);
    if (len < 4 || !digits(s, 4))
        return 0;
    if (len == 4)
        return 1;
    if (s[4] != '-' || len < 7 || !digits(s + 5, 2))
        return 0;
    int month = number(s + 5, 2);
    if (month < 1 || month > 12)
        return 0;
    if (len == 7)
        return 1;
    if (s[7] != '-' || len < 10 || !digits(s + 8, 2))
        return 0;
    int day = number(s + 8, 2), year = number(s, 4);
    int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (day < 1 || day > days[month - 1] || (month == 2 && day == 29 && !leap))
        return 0;
    if (len == 10)
        return 1;
    const char *t = s + 10;
    if (t[0] != 'T' || strlen(t) < 6 || !digits(t + 1, 2) || t[3] != ':' || !digits(t + 4, 2))
        return 0;
    if (number(t + 1, 2) > 23 || number(t + 4, 2) > 59)
        return 0;
    t += 6;
    if (t[0] == ':') {
        if (!digits(t + 1, 2) || number(t + 1, 2) > 59)
            return 0;
        t += 3;
        if (t[0] == '.') {
            t++;
            if (!(*t >= '0' && *t <= '9'))
                return 0;
            while (*t >= '0' && *t <= '9')
                t++;
        }
    }
    if (strcmp(t, "Z") == 0)
        return 1;
    return (t[0] == '+' || t[0] == '-') && strlen(t) == 6 && digits(t + 1, 2) && t[3] == ':' &&
           digits(t + 4, 2) && number(t + 1, 2) <= 23 && number(t + 4, 2) <= 59;
}

static void item(ep_xml *x, const char *id, const char *href, const char *type, const char *props)
{
    ep_start(x, "item");
    ep_attr(x, "id", id);
    ep_attr(x, "href", href);
    ep_attr(x, "media-type", type);
    if (props)
        ep_attr(x, "properties", props);
    ep_end(x);
    ep_newline(x);
}

/* Manifest id of file i: its name without ".xhtml" ("ch001", "notes"). */
static const char *file_id(const ep_book *b, int i, char *buf, size_t size)
{
    const char *name = b->files[i].name;
    snprintf(buf, size, "%.*s", (int)(strcspn(name, ".")), name);
    return buf;
}

static void metadata(const ep_book *b, ep_xml *x)
{
    const sc_meta *m = &b->doc->meta;
    ep_start(x, "metadata");
    ep_attr(x, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
    ep_newline(x);
    ep_start(x, "dc:identifier");
    ep_attr(x, "id", "pub-id");
    ep_text(x, m->identifier, strlen(m->identifier));
    ep_end(x);
    ep_newline(x);
    ep_element_text(x, "dc:title", b->title);
    ep_newline(x);
    ep_element_text(x, "dc:language", b->lang);
    ep_newline(x);
    if (m->author && *m->author) {
        ep_element_text(x, "dc:creator", m->author);
        ep_newline(x);
    }
    if (m->date && valid_date(m->date)) {
        ep_element_text(x, "dc:date", m->date);
        ep_newline(x);
    }
    char modified[32];
    time_t t = b->opts->modified;
    struct tm tm;
    if (!gmtime_r(&t, &tm) || tm.tm_year + 1900 < 1000 || tm.tm_year + 1900 > 9999 ||
        !strftime(modified, sizeof modified, "%Y-%m-%dT%H:%M:%SZ", &tm))
        snprintf(modified, sizeof modified, "1980-01-01T00:00:00Z"); /* out of range: the ZIP epoch */
    ep_start(x, "meta");
    ep_attr(x, "property", "dcterms:modified");
    ep_text(x, modified, strlen(modified));
    ep_end(x);
    ep_newline(x);
    if (b->opts->generator && *b->opts->generator) {
        ep_start(x, "meta");
        ep_attr(x, "name", "generator");
        ep_attr(x, "content", b->opts->generator);
        ep_end(x);
        ep_newline(x);
    }
    ep_end(x);
    ep_newline(x);
}

int ep_write_opf(const ep_book *b, sc_buf *out)
{
    ep_xml x;
    char id[32];
    if (ep_xml_begin(&x, out) < 0)
        return -1;
    ep_start(&x, "package");
    ep_attr(&x, "xmlns", "http://www.idpf.org/2007/opf");
    ep_attr(&x, "version", "3.0");
    ep_attr(&x, "unique-identifier", "pub-id");
    ep_attr(&x, "xml:lang", b->lang);
    ep_newline(&x);
    metadata(b, &x);

    ep_start(&x, "manifest");
    ep_newline(&x);
    item(&x, "nav", "nav.xhtml", "application/xhtml+xml", "nav");
    item(&x, "ncx", "toc.ncx", "application/x-dtbncx+xml", NULL);
    item(&x, "css", "style.css", "text/css", NULL);
    for (size_t i = 0; i < b->opts->nfonts; i++) {
        char fid[32];
        snprintf(fid, sizeof fid, "font%zu", i + 1);
        item(&x, fid, sc_arena_printf(b->arena, "fonts/%s", b->opts->fonts[i].name),
             b->opts->fonts[i].media_type, NULL);
    }
    for (int i = 0; i < b->nimages; i++)
        item(&x, b->images[i].id, b->images[i].href, b->images[i].mime, NULL);
    for (int i = 0; i < b->nfiles; i++)
        item(&x, file_id(b, i, id, sizeof id), b->files[i].name, "application/xhtml+xml", NULL);
    ep_end(&x);
    ep_newline(&x);

    ep_start(&x, "spine");
    ep_attr(&x, "toc", "ncx");
    ep_newline(&x);
    for (int i = 0; i < b->nfiles; i++) {
        ep_start(&x, "itemref");
        ep_attr(&x, "idref", file_id(b, i, id, sizeof id));
        ep_end(&x);
        ep_newline(&x);
    }
    ep_end(&x);
    ep_newline(&x);
    ep_end(&x); /* package */
    ep_newline(&x);
    return ep_xml_end(&x);
}
