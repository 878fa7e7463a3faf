/* test_encoding.c — legacy Vietnamese encodings, their detection, legacy fonts and the input
 * format sniffing of the readers stage. Each check prints what it expected and what it got. */
#include <stdio.h>
#include <string.h>

#include "../../converter/base/buf.h"
#include "../../converter/readers/internal.h"
#include "../../converter/readers/legacy.h"

static int failures;

static void check_str(const char *what, const char *got, size_t got_len, const char *want)
{
    if (got_len == strlen(want) && memcmp(got, want, got_len) == 0) {
        printf("ok:   %s\n", what);
        return;
    }
    printf("FAIL: %s: expected \"%s\", got \"%.*s\"\n", what, want, (int)got_len, got);
    failures++;
}

static void check(int cond, const char *what)
{
    printf("%s %s\n", cond ? "ok:  " : "FAIL:", what);
    failures += !cond;
}

/* Decode through sc_input_prepare_encoded (NFC, as the readers see it). */
static void decode_case(const char *encoding, const char *bytes, const char *want)
{
    sc_read_options o = {.encoding = encoding};
    sc_input in;
    sc_diag_list d;
    sc_diag_init(&d);
    char what[96];
    snprintf(what, sizeof what, "%s decodes to \"%s\"", encoding, want);
    if (sc_input_prepare_encoded(bytes, strlen(bytes), "t", &o, &in, &d) != 0) {
        printf("FAIL: %s: the read failed\n", what);
        failures++;
    } else {
        check_str(what, in.data, in.len, want);
        sc_input_release(&in);
    }
    sc_diag_clear(&d);
}

static void test_decoders(void)
{
    check(sc_encoding_from_name("Windows-1258") == SC_ENC_CP1258, "name windows-1258");
    check(sc_encoding_from_name("VN1") == SC_ENC_TCVN, "name vn1");
    check(sc_encoding_from_name("abc") == SC_ENC_TCVN3, "name abc");
    check(sc_encoding_from_name("tcvn_5712") == SC_ENC_TCVN, "name tcvn_5712 (_ as -)");
    check(sc_encoding_from_name("latin1") == SC_ENC_NONE, "name latin1 unknown");
    /* "Tiếng Việt Đà Nẵng" in each encoding, bytes from the published charts */
    decode_case("tcvn3", "Ti\xD5ng Vi\xD6t \xA7\xB5 N\xBDng", "Tiếng Việt Đà Nẵng");
    decode_case("vni", "Tie\xE1ng Vie\xE4t \xD1" "a\xF8 Na\xFCng", "Tiếng Việt Đà Nẵng");
    decode_case("vni", "n\xF6\xF4\xF9\x63 NG\xD6\xD4\xD8I", "nước NGƯỜI");
    decode_case("vps", "Ti\x89ng Vi\x8Ct \xF1\xE0 N\xA4ng", "Tiếng Việt Đà Nẵng");
    decode_case("viscii", "Ti\xAAng Vi\xAEt \xD0\xE0 N\xC7ng", "Tiếng Việt Đà Nẵng");
    decode_case("tcvn", "Ti\xD5ng Vi\xD6t \xA7\xB5 N\xBDng \x84", "Tiếng Việt Đà Nẵng Ạ");
    decode_case("cp1258", "Ti\xEA\xECng Vi\xEA\xF2t \xD0" "a\xCC N\xE3\xDEng",
                "Tiếng Việt Đà Nẵng");
    decode_case("viqr", "Tie^'ng Vie^.t DDa` Na(~ng", "Tiếng Việt Đà Nẵng");
    decode_case("viqr", "Ba.n co' kho?e kho^ng? Co'. \\. a\\?", "Bạn có khỏe không? Có. . a?");
    decode_case("viqr", "Ho^.i nghi.. Bo^., ddi. Va^ng... Kho^ng? Ha` No^.i.",
                "Hội nghị. Bộ, đi. Vâng... Không? Hà Nội.");
    decode_case("utf-8", "Tiếng Việt", "Tiếng Việt");
}

static void test_syllables(void)
{
    static const char *const good[] = {"nghiêng", "người", "Quốc", "giữ", "gì", "khuya",
                                       "xoong", "VIỆT", "đường", "thuở", "oái", "uyển", "ạ"};
    static const char *const bad[] = {"ñaø", "tiïng", "viêệt", "café", "ăa", "hoc", "ngưòiì",
                                      "xyz", "Ðåo", "việtt", "tiếngg"};
    for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
        char what[64];
        snprintf(what, sizeof what, "\"%s\" is a Vietnamese syllable", good[i]);
        check(sc_vietnamese_syllable(good[i], strlen(good[i])), what);
    }
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char what[64];
        snprintf(what, sizeof what, "\"%s\" is not a Vietnamese syllable", bad[i]);
        check(!sc_vietnamese_syllable(bad[i], strlen(bad[i])), what);
    }
}

static void detect_case(const char *what, const char *bytes, sc_encoding want)
{
    sc_encoding_guess g;
    sc_encoding_detect(bytes, strlen(bytes), &g);
    char w[512];
    snprintf(w, sizeof w, "%s: detected %s (score %.2f; %s)", what, sc_encoding_name(g.encoding),
             g.score, g.summary);
    if (g.encoding != want) {
        printf("FAIL: %s, expected %s\n", w, sc_encoding_name(want));
        failures++;
    } else {
        printf("ok:   %s\n", w);
    }
}

static void test_detection(void)
{
    detect_case("VNI sentence",
                "Ng\xF6\xF4\xF8i Vie\xE4t Nam no\xF9i tie\xE1ng Vie\xE4t, vie\xE1t ch\xF6\xF5 "
                "quo\xE1\x63 ng\xF6\xF5 ra\xE1t hay.", SC_ENC_VNI);
    detect_case("TCVN3 sentence",
                "Ng\xAD\xEDi Vi\xD6t Nam n\xF3i ti\xD5ng Vi\xD6t, vi\xD5t ch\xF7 qu\xE8\x63 "
                "ng\xF7 r\xCAt hay.", SC_ENC_TCVN3);
    detect_case("Windows-1258 sentence",
                "Ng\xFD\xF5\xECi Vi\xEA\xF2t Nam no\xECi ti\xEA\xECng Vi\xEA\xF2t, vi\xEA\xECt "
                "ch\xFD\xDE quo\xEC\x63 ng\xFD\xDE r\xE2\xECt hay.", SC_ENC_CP1258);
    detect_case("Latin-1 English (a few accented words)",
                "The caf\xE9 served a na\xEFve cr\xE8me br\xFBl\xE9\x65 to the fianc\xE9\x65.",
                SC_ENC_NONE);
    detect_case("UTF-8 Vietnamese with one stray byte",
                "Người Việt Nam nói tiếng Việt \xFF viết chữ quốc ngữ.", SC_ENC_NONE);
    detect_case("two Vietnamese words only", "Vie\xE4t Nam", SC_ENC_NONE);
}

static void font_case(const char *font, const char *text, const char *want)
{
    sc_legacy_font f;
    char what[128];
    snprintf(what, sizeof what, "font \"%s\": \"%s\" -> \"%s\"", font, text, want);
    if (!sc_legacy_font_lookup(NULL, font, &f)) {
        printf("FAIL: %s: not recognised as a legacy font\n", what);
        failures++;
        return;
    }
    sc_document *doc = sc_document_new("t");
    size_t n;
    const char *u = sc_legacy_font_decode(doc, &f, text, strlen(text), &n);
    check_str(what, u, n, want);
    sc_document_free(doc);
}

static void test_fonts(void)
{
    sc_legacy_font f;
    check(sc_legacy_font_lookup(NULL, ".VnTime", &f) && f.encoding == SC_ENC_TCVN3 && !f.uppercase,
          ".VnTime is TCVN3");
    check(sc_legacy_font_lookup(NULL, "'.VnTimeH'", &f) && f.encoding == SC_ENC_TCVN3 &&
              f.uppercase,
          "'.VnTimeH' is TCVN3, upper case");
    check(sc_legacy_font_lookup(NULL, ".VnArial Bold", &f) && f.encoding == SC_ENC_TCVN3,
          ".VnArial Bold is TCVN3");
    check(sc_legacy_font_lookup(NULL, "VNI-Helve", &f) && f.encoding == SC_ENC_VNI, "VNI-Helve");
    check(sc_legacy_font_lookup(NULL, "VPS Times", &f) && f.encoding == SC_ENC_VPS, "VPS Times");
    check(!sc_legacy_font_lookup(NULL, "Times New Roman", &f), "Times New Roman is no legacy font");
    check(!sc_legacy_font_lookup(NULL, "VPSans", &f), "VPSans is no legacy font");
    check(!sc_legacy_font_lookup(NULL, NULL, &f), "no font name");
    sc_read_options keep = {.keep_legacy_fonts = 1};
    check(!sc_legacy_font_lookup(&keep, ".VnTime", &f), "--keep-legacy-fonts turns lookup off");
    /* run text as DOCX/ODT/HTML readers get it: bytes as U+00xx, cp1252 characters, PUA */
    font_case(".VnTime", "Ti\u00D5ng Vi\u00D6t", "Tiếng Việt");
    font_case(".VnTime", "\u201CNg\u00AD\u00EAi\u201D", "\u201CNgười\u201D");
    font_case(".VnTimeH", "vi\u00D6t nam", "VIỆT NAM");
    font_case("VNI-Times", "Vie\u00E4t Nam \u2014 \u00D1a\u00F8 Na\u00FCng", "Việt Nam — Đà Nẵng");
    font_case("VPS Times", "Ti\u2030ng", "Tiếng"); /* 0x89 reaches the reader as U+2030 */
    font_case(".VnTime", "\uF0D5", "ế");
    font_case(".VnTimeH", "Người Việt đã đổi mã", "Người Việt đã đổi mã"); /* Unicode already */
}

static void format_case(const char *name, const char *data, sc_input_format want)
{
    sc_input_format got = sc_input_format_detect(name, data, strlen(data));
    char what[128];
    snprintf(what, sizeof what, "%s holding \"%.24s\" is %s", name, data,
             sc_input_format_name(want));
    if (got != want) {
        printf("FAIL: %s, got %s\n", what, sc_input_format_name(got));
        failures++;
    } else {
        printf("ok:   %s\n", what);
    }
}

static void test_formats(void)
{
    format_case("page.txt", "<!DOCTYPE html><html><body><p>x</p></body></html>", SC_INPUT_HTML);
    format_case("page", "\xEF\xBB\xBF  <!-- c --><html lang=vi><p>x", SC_INPUT_HTML);
    format_case("page", "<head><title>t</title></head><body>x</body>", SC_INPUT_HTML);
    format_case("page.xml", "<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'/>",
                SC_INPUT_XHTML);
    format_case("notes.md", "# Title\n\nSome <b>bold</b> text.\n", SC_INPUT_MARKDOWN);
    format_case("notes.txt", "Plain text <body> mention.\n", SC_INPUT_TEXT);
    format_case("notes", "Plain text.\n", SC_INPUT_TEXT);
    format_case("a.html", "no tags at all", SC_INPUT_HTML);
    format_case("book.docx", "not a zip", SC_INPUT_DOCX);
}

int main(void)
{
    test_decoders();
    test_syllables();
    test_detection();
    test_fonts();
    test_formats();
    if (failures)
        printf("\n%d check(s) failed\n", failures);
    return failures ? 1 : 0;
}
