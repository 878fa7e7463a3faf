/* legacy_vni.c — VNI-Windows to Unicode. VNI fonts are Windows-1252 fonts whose Latin-1 letters
 * were redrawn: a toned vowel is the base letter followed by a "mark" byte (aù = á, eä = ệ,
 * öø = ừ), while đ, ơ, ư and the toned i/ỵ are single bytes.
 *
 * Source: the VNI-Windows font encoding as VNI Software's fonts (VNI-Times, VNI-Helve, ...) lay it
 * out; the table below was re-derived from the published VNI code charts and checked against
 * the VNI tables of GNU recode (src/vn.c, "VNI") and VBKey (mdlCodeTable.bas, VNI_WINDOWS_TABLE).
 * Marks have a lower-case and an upper-case byte (0xF9 ù / 0xD9 Ù for the acute); the case of
 * the result is the case of the base letter. */
#include <utf8proc.h>

#include "legacy.h"

enum { GRAVE = 0x300, ACUTE = 0x301, CIRC = 0x302, TILDE = 0x303, BREVE = 0x306, HOOK = 0x309,
       HORN = 0x31B, DOT = 0x323 };

/* A mark byte (lower-case form): the vowel modifier it adds (0: none) and the tone (0: none). */
static const struct {
    unsigned char byte;
    int modifier, tone;
} vni_marks[] = {
    {0xF9, 0, ACUTE},     {0xF8, 0, GRAVE},     {0xFB, 0, HOOK},      {0xF5, 0, TILDE},
    {0xEF, 0, DOT},       {0xE2, CIRC, 0},      {0xE1, CIRC, ACUTE},  {0xE0, CIRC, GRAVE},
    {0xE5, CIRC, HOOK},   {0xE3, CIRC, TILDE},  {0xE4, CIRC, DOT},    {0xEA, BREVE, 0},
    {0xE9, BREVE, ACUTE}, {0xE8, BREVE, GRAVE}, {0xFA, BREVE, HOOK},  {0xFC, BREVE, TILDE},
    {0xEB, BREVE, DOT},
};

/* Bytes that are a whole letter by themselves (lower-case form; upper case is byte - 0x20). */
static const struct {
    unsigned char byte;
    int32_t lower, upper;
} vni_letters[] = {
    {0xF1, 0x0111, 0x0110}, /* ñ Ñ: đ Đ */
    {0xF4, 0x01A1, 0x01A0}, /* ô Ô: ơ Ơ */
    {0xF6, 0x01B0, 0x01AF}, /* ö Ö: ư Ư */
    {0xEC, 0x00EC, 0x00CC}, /* ì Ì: ì Ì */
    {0xED, 0x00ED, 0x00CD}, /* í Í: í Í */
    {0xE6, 0x1EC9, 0x1EC8}, /* æ Æ: ỉ Ỉ */
    {0xF3, 0x0129, 0x0128}, /* ó Ó: ĩ Ĩ */
    {0xF2, 0x1ECB, 0x1ECA}, /* ò Ò: ị Ị */
    {0xEE, 0x1EF5, 0x1EF4}, /* î Î: ỵ Ỵ */
};

static void put_char(sc_buf *out, int32_t c)
{
    utf8proc_uint8_t u[4];
    utf8proc_ssize_t n = utf8proc_encode_char(c, u);
    sc_buf_append(out, u, (size_t)n);
}

/* The mark a byte stands for after a vowel; -1 when it is not a mark. */
static int mark_index(unsigned char b)
{
    unsigned char lower = b >= 0xC0 && b <= 0xDE ? (unsigned char)(b + 0x20) : b;
    for (int i = 0; i < (int)(sizeof vni_marks / sizeof *vni_marks); i++)
        if (vni_marks[i].byte == lower)
            return i;
    return -1;
}

/* A single-byte letter, or -1. */
static int32_t letter(unsigned char b)
{
    int upper = b >= 0xC0 && b <= 0xDE;
    unsigned char lower = upper ? (unsigned char)(b + 0x20) : b;
    for (size_t i = 0; i < sizeof vni_letters / sizeof *vni_letters; i++)
        if (vni_letters[i].byte == lower)
            return upper ? vni_letters[i].upper : vni_letters[i].lower;
    return -1;
}

/* The base vowel a mark may follow, as (ASCII letter, horn or 0); 0 when `b` is none. */
static char base_vowel(unsigned char b, int *horn)
{
    *horn = 0;
    switch (b) {
    case 'a': case 'e': case 'o': case 'u': case 'y':
    case 'A': case 'E': case 'O': case 'U': case 'Y': return (char)b;
    case 0xF4: *horn = 1; return 'o';
    case 0xD4: *horn = 1; return 'O';
    case 0xF6: *horn = 1; return 'u';
    case 0xD6: *horn = 1; return 'U';
    default: return 0;
    }
}

/* Whether `modifier` can sit on base letter `v` (circumflex on a/e/o, breve on a). */
static int modifier_fits(char v, int horn, int modifier)
{
    char l = (char)(v | 0x20);
    if (!modifier)
        return 1;
    if (horn)
        return 0;
    return modifier == CIRC ? (l == 'a' || l == 'e' || l == 'o') : l == 'a';
}

void sc_vni_decode(const unsigned char *s, size_t len, sc_buf *out, size_t *unmapped)
{
    sc_buf_reserve(out, len + len / 2);
    for (size_t i = 0; i < len; i++) {
        int horn;
        char v = base_vowel(s[i], &horn);
        int m = v && i + 1 < len ? mark_index(s[i + 1]) : -1;
        if (m >= 0 && modifier_fits(v, horn, vni_marks[m].modifier)) {
            /* decomposed: base, modifier, tone; sc_input_prepare composes to NFC */
            sc_buf_putc(out, v);
            if (horn)
                put_char(out, HORN);
            if (vni_marks[m].modifier)
                put_char(out, vni_marks[m].modifier);
            if (vni_marks[m].tone)
                put_char(out, vni_marks[m].tone);
            i++;
            continue;
        }
        if (s[i] < 0x80) {
            sc_buf_putc(out, (char)s[i]);
            continue;
        }
        int32_t c = letter(s[i]);
        if (c < 0)
            c = sc_cp1252_char(s[i]);
        if (c < 0) {
            c = 0xFFFD;
            if (unmapped)
                (*unmapped)++;
        }
        put_char(out, c);
    }
}
