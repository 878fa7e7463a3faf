/* test_images_probe — base/image.h on real bytes: PNG headers (size, pHYs resolution), PNGs that
 * libpng cannot decode (bad CRC, damaged image data, cut short), JPEG frame headers, JFIF
 * resolution and EXIF orientation (the fixture tests/fixtures/images/exif6.jpg), formats that
 * are named but refused (GIF, WebP, SVG), the size bounds; and the path rules: relative names
 * inside the folder, %XX escapes, ".." and absolute paths leaving it, remote URLs, other schemes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <zlib.h>

#include "base/buf.h"
#include "base/image.h"

static int failures;

#define CHECK(cond, ...)                                                     \
    do {                                                                     \
        if (cond) {                                                          \
            printf("ok:   ");                                                \
        } else {                                                             \
            printf("FAIL: ");                                                \
            failures++;                                                      \
        }                                                                    \
        printf(__VA_ARGS__);                                                 \
        printf("\n");                                                        \
    } while (0)

static void put32(unsigned char *p, unsigned long v)
{
    p[0] = (unsigned char)(v >> 24);
    p[1] = (unsigned char)(v >> 16);
    p[2] = (unsigned char)(v >> 8);
    p[3] = (unsigned char)v;
}

static void chunk(sc_buf *b, const char *type, const unsigned char *data, size_t len)
{
    unsigned char head[8], crc[4];
    put32(head, len);
    memcpy(head + 4, type, 4);
    sc_buf_append(b, head, 8);
    if (len)
        sc_buf_append(b, data, len);
    uLong c = crc32(0, (const Bytef *)type, 4);
    if (len) /* crc32 with a NULL buffer returns the initial value */
        c = crc32(c, data, (uInt)len);
    put32(crc, c);
    sc_buf_append(b, crc, 4);
}

/* An RGB PNG of w x h pixels; dpm > 0 adds a pHYs chunk (pixels per metre). */
static void make_png(sc_buf *b, unsigned w, unsigned h, unsigned long dpm)
{
    sc_buf_init(b);
    sc_buf_append(b, "\x89PNG\r\n\x1a\n", 8);
    unsigned char ihdr[13] = {0};
    put32(ihdr, w);
    put32(ihdr + 4, h);
    ihdr[8] = 8;
    ihdr[9] = 2;
    chunk(b, "IHDR", ihdr, 13);
    if (dpm) {
        unsigned char phys[9];
        put32(phys, dpm);
        put32(phys + 4, dpm);
        phys[8] = 1;
        chunk(b, "pHYs", phys, 9);
    }
    size_t raw_len = (size_t)h * (1 + 3 * (size_t)w);
    unsigned char *raw = calloc(raw_len, 1);
    uLongf zlen = compressBound(raw_len);
    unsigned char *z = malloc(zlen);
    compress(z, &zlen, raw, raw_len);
    chunk(b, "IDAT", z, zlen);
    chunk(b, "IEND", NULL, 0);
    free(raw);
    free(z);
}

static void test_png(void)
{
    char why[256];
    sc_image_info info;
    sc_buf b;
    make_png(&b, 30, 20, 5906); /* 5906 px/m = 150 dpi */
    int rc = sc_image_probe((const unsigned char *)b.data, b.len, &info, why, sizeof why);
    CHECK(rc == 0 && info.kind == SC_IMG_PNG, "a good PNG probes (%s)", rc ? why : "ok");
    CHECK(info.width == 30 && info.height == 20, "PNG size 30x20 (got %ux%u)", info.width,
          info.height);
    CHECK(info.dpi_x > 149.9f && info.dpi_x < 150.1f, "pHYs 5906/m = 150 dpi (got %.2f)",
          (double)info.dpi_x);
    CHECK(info.orientation == 1, "no eXIf: orientation 1");

    /* a flipped bit in the image data (CRC made right again: only inflate can tell) */
    size_t idat = 0;
    for (size_t i = 8; i + 8 < b.len; i++)
        if (memcmp(b.data + i, "IDAT", 4) == 0) {
            idat = i;
            break;
        }
    sc_buf bad;
    sc_buf_init(&bad);
    sc_buf_append(&bad, b.data, b.len);
    size_t dlen = ((size_t)(unsigned char)bad.data[idat - 4] << 24) |
                  ((size_t)(unsigned char)bad.data[idat - 3] << 16) |
                  ((size_t)(unsigned char)bad.data[idat - 2] << 8) | (unsigned char)bad.data[idat - 1];
    memset(bad.data + idat + 4 + 2, 0xFF, 6);
    put32((unsigned char *)bad.data + idat + 4 + dlen,
          crc32(0, (const Bytef *)bad.data + idat, (uInt)(4 + dlen)));
    rc = sc_image_probe((const unsigned char *)bad.data, bad.len, &info, why, sizeof why);
    CHECK(rc == -1 && strstr(why, "damaged"), "damaged image data is refused (%s)", why);

    /* a wrong CRC on the image data */
    bad.data[idat + 4 + dlen] ^= 0x55;
    rc = sc_image_probe((const unsigned char *)bad.data, bad.len, &info, why, sizeof why);
    CHECK(rc == -1, "a bad CRC is refused (%s)", why);

    /* cut short in the middle of the image data */
    rc = sc_image_probe((const unsigned char *)b.data, idat + 10, &info, why, sizeof why);
    CHECK(rc == -1, "a PNG cut short is refused (%s)", why);
    sc_buf_free(&bad);
    sc_buf_free(&b);

    /* a header promising 20000 x 20000 RGBA: 1.5 GiB once decoded, refused before decoding */
    make_png(&b, 2, 2, 0);
    put32((unsigned char *)b.data + 16, 20000);
    put32((unsigned char *)b.data + 20, 20000);
    b.data[25] = 6;
    rc = sc_image_probe((const unsigned char *)b.data, b.len, &info, why, sizeof why);
    CHECK(rc == -1 && strstr(why, "MiB once decoded"), "a decompression bomb is refused (%s)", why);
    sc_buf_free(&b);

    make_png(&b, 20001, 2, 0);
    rc = sc_image_probe((const unsigned char *)b.data, b.len, &info, why, sizeof why);
    CHECK(rc == -1 && strstr(why, "20000"), "20001 pixels wide is refused (%s)", why);
    sc_buf_free(&b);
}

static void test_jpeg(const char *fixtures)
{
    char why[256], path[1024];
    sc_image_info info;
    sc_buf b;
    sc_buf_init(&b);
    snprintf(path, sizeof path, "%s/exif6.jpg", fixtures);
    if (sc_buf_read_file(&b, path, 1 << 20) != 0) {
        CHECK(0, "read %s", path);
        return;
    }
    int rc = sc_image_probe((const unsigned char *)b.data, b.len, &info, why, sizeof why);
    CHECK(rc == 0 && info.kind == SC_IMG_JPEG, "exif6.jpg probes (%s)", rc ? why : "ok");
    CHECK(info.width == 40 && info.height == 20, "JPEG size 40x20 (got %ux%u)", info.width,
          info.height);
    CHECK(info.orientation == 6, "EXIF orientation 6 (got %d)", info.orientation);
    rc = sc_image_probe((const unsigned char *)b.data, 200, &info, why, sizeof why);
    CHECK(rc == -1, "a JPEG cut before its frame header is refused (%s)", why);
    /* cut in the middle of the coded data: only decoding finds it */
    size_t sos = 0;
    for (size_t i = 2; i + 1 < b.len; i++)
        if ((unsigned char)b.data[i] == 0xFF && (unsigned char)b.data[i + 1] == 0xDA) {
            sos = i;
            break;
        }
    rc = sc_image_probe((const unsigned char *)b.data, sos + 40, &info, why, sizeof why);
    CHECK(sos && rc == -1 && strstr(why, "damaged"), "a JPEG cut inside its scan is refused (%s)",
          why);
    /* a Huffman table with impossible code counts */
    sc_buf bad;
    sc_buf_init(&bad);
    sc_buf_append(&bad, b.data, b.len);
    for (size_t i = 2; i + 8 < bad.len; i++)
        if ((unsigned char)bad.data[i] == 0xFF && (unsigned char)bad.data[i + 1] == 0xC4) {
            memset(bad.data + i + 5, 0xFF, 4);
            break;
        }
    rc = sc_image_probe((const unsigned char *)bad.data, bad.len, &info, why, sizeof why);
    CHECK(rc == -1 && strstr(why, "damaged"), "a JPEG with a bogus Huffman table is refused (%s)",
          why);
    sc_buf_free(&bad);
    sc_buf_free(&b);

    sc_buf_init(&b);
    snprintf(path, sizeof path, "%s/green-150dpi.jpg", fixtures);
    sc_buf_read_file(&b, path, 1 << 20);
    rc = sc_image_probe((const unsigned char *)b.data, b.len, &info, why, sizeof why);
    CHECK(rc == 0 && info.width == 300 && info.height == 150 && info.dpi_x == 150 &&
              info.orientation == 1,
          "green-150dpi.jpg: 300x150, JFIF 150 dpi, orientation 1 (got %ux%u %.1f dpi, %d)",
          info.width, info.height, (double)info.dpi_x, info.orientation);
    sc_buf_free(&b);
}

static void test_refused_formats(void)
{
    char why[256];
    sc_image_info info;
    static const unsigned char gif[] = "GIF89a\x01\x00\x01\x00\x00\x00\x00";
    static const unsigned char webp[] = "RIFF\x10\x00\x00\x00WEBPVP8 ";
    static const char svg[] = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>";
    int rc = sc_image_probe(gif, sizeof gif - 1, &info, why, sizeof why);
    CHECK(rc == -1 && info.kind == SC_IMG_GIF && strstr(why, "GIF"), "GIF named and refused (%s)", why);
    rc = sc_image_probe(webp, sizeof webp - 1, &info, why, sizeof why);
    CHECK(rc == -1 && info.kind == SC_IMG_WEBP, "WebP named and refused (%s)", why);
    rc = sc_image_probe((const unsigned char *)svg, strlen(svg), &info, why, sizeof why);
    CHECK(rc == -1 && info.kind == SC_IMG_SVG, "SVG named and refused (%s)", why);
    rc = sc_image_probe((const unsigned char *)"hello", 5, &info, why, sizeof why);
    CHECK(rc == -1 && info.kind == SC_IMG_UNKNOWN, "text is not a picture (%s)", why);
}

static void test_paths(const char *work)
{
    char why[256], dir[1024], sub[1200], file[1300];
    snprintf(dir, sizeof dir, "%s/base", work);
    snprintf(sub, sizeof sub, "%s/pic dir", dir);
    mkdir(work, 0755);
    mkdir(dir, 0755);
    mkdir(sub, 0755);
    snprintf(file, sizeof file, "%s/a b.png", sub);
    FILE *f = fopen(file, "w");
    if (f) {
        fputs("x", f);
        fclose(f);
    }
    char real[4096];
    if (!realpath(dir, real)) {
        CHECK(0, "realpath %s", dir);
        return;
    }
    sc_arena *a = sc_arena_new();
    const char *p = sc_image_resolve(a, real, "pic%20dir/a%20b.png?x=1#frag", why, sizeof why);
    CHECK(p && strstr(p, "/pic dir/a b.png"), "%%20 decoded, query and fragment dropped (%s)",
          p ? p : why);
    p = sc_image_resolve(a, real, "pic dir/../pic dir/a b.png", why, sizeof why);
    CHECK(p != NULL, "'..' that stays inside is fine (%s)", p ? p : why);
    p = sc_image_resolve(a, real, "../../../../../../../../../../../../../../../../etc/passwd", why, sizeof why);
    CHECK(!p && strstr(why, "outside"), "../../etc/passwd refused (%s)", p ? p : why);
    p = sc_image_resolve(a, real, "/etc/passwd", why, sizeof why);
    CHECK(!p && strstr(why, "outside"), "an absolute path outside refused (%s)", p ? p : why);
    p = sc_image_resolve(a, real, "file:///etc/passwd", why, sizeof why);
    CHECK(!p && strstr(why, "outside"), "file:///etc/passwd refused (%s)", p ? p : why);
    p = sc_image_resolve(a, real, "https://example.com/a.png", why, sizeof why);
    CHECK(!p && strstr(why, "never fetched"), "https refused, not fetched (%s)", p ? p : why);
    p = sc_image_resolve(a, real, "//example.com/a.png", why, sizeof why);
    CHECK(!p && strstr(why, "never fetched"), "//host refused (%s)", p ? p : why);
    p = sc_image_resolve(a, real, "data:image/png;base64,AAAA", why, sizeof why);
    CHECK(!p && strstr(why, "data:"), "data: refused (%s)", p ? p : why);
    p = sc_image_resolve(a, real, "pic%2", why, sizeof why);
    CHECK(!p, "a missing file is refused (%s)", p ? p : why);
    p = sc_image_resolve(a, real, "pic%00x", why, sizeof why);
    CHECK(!p && strstr(why, "NUL"), "%%00 refused (%s)", p ? p : why);
    p = sc_image_resolve(a, real, "pic dir", why, sizeof why);
    CHECK(!p && strstr(why, "regular"), "a folder is not a picture (%s)", p ? p : why);
    p = sc_image_resolve(a, NULL, "pic dir/a b.png", why, sizeof why);
    CHECK(!p, "no folder (stdin): nothing is read (%s)", p ? p : why);
    CHECK(sc_image_is_remote("HTTP://x") && !sc_image_is_remote("c:/x.png") &&
              !sc_image_is_remote("img/http.png"),
          "remote: HTTP:// yes, c:/ and img/http.png no");
    sc_arena_free(a);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s FIXTURES_DIR WORK_DIR\n", argv[0]);
        return 2;
    }
    test_png();
    test_jpeg(argv[1]);
    test_refused_formats();
    test_paths(argv[2]);
    printf(failures ? "\n%d check(s) failed\n" : "\nall checks passed\n", failures);
    return failures ? 1 : 0;
}
