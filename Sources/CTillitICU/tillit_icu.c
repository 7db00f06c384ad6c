#include "tillit_icu.h"
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/uchar.h>
#include <unicode/uversion.h>

struct tillit_wordbreaker {
    UBreakIterator *bi;
    UText ut;
};

tillit_wordbreaker *tillit_wb_open(void) {
    UErrorCode err = U_ZERO_ERROR;
    tillit_wordbreaker *wb = calloc(1, sizeof *wb);
    if (!wb) return NULL;
    wb->ut = (UText)UTEXT_INITIALIZER;
    wb->bi = ubrk_open(UBRK_WORD, "", NULL, 0, &err);
    if (U_FAILURE(err) || !wb->bi) { free(wb); return NULL; }
    return wb;
}

void tillit_wb_close(tillit_wordbreaker *wb) {
    if (!wb) return;
    ubrk_close(wb->bi);
    utext_close(&wb->ut);
    free(wb);
}

int32_t tillit_wb_segment(tillit_wordbreaker *wb, const uint8_t *text, int32_t len,
                          int32_t *ends, int32_t *status, int32_t cap) {
    UErrorCode err = U_ZERO_ERROR;
    utext_openUTF8(&wb->ut, (const char *)text, len, &err);
    if (U_FAILURE(err)) return -1;
    ubrk_setUText(wb->bi, &wb->ut, &err);
    if (U_FAILURE(err)) return -1;
    int32_t n = 0, needed = 0;
    ubrk_first(wb->bi);
    for (int32_t b = ubrk_next(wb->bi); b != UBRK_DONE; b = ubrk_next(wb->bi)) {
        if (n < cap) { ends[n] = b; status[n] = ubrk_getRuleStatus(wb->bi); n++; }
        needed++;
    }
    return needed > cap ? -needed : n;
}

static int32_t normalize_with(const UNormalizer2 *norm, const uint8_t *in, int32_t len, uint8_t *out, int32_t cap) {
    UErrorCode err = U_ZERO_ERROR;
    UChar stackSrc[512], stackDst[1024];
    UChar *src = stackSrc, *dst = stackDst;
    int32_t srcCap = 512, dstCap = 1024, srcLen = 0, dstLen = 0, result = 0;
    u_strFromUTF8WithSub(src, srcCap, &srcLen, (const char *)in, len, 0xFFFD, NULL, &err);
    if (err == U_BUFFER_OVERFLOW_ERROR) {
        err = U_ZERO_ERROR; srcCap = srcLen + 1; src = malloc(sizeof(UChar) * srcCap);
        if (!src) return INT32_MIN;
        u_strFromUTF8WithSub(src, srcCap, &srcLen, (const char *)in, len, 0xFFFD, NULL, &err);
    }
    if (U_FAILURE(err)) { result = INT32_MIN; goto done; }
    dstLen = unorm2_normalize(norm, src, srcLen, dst, dstCap, &err);
    if (err == U_BUFFER_OVERFLOW_ERROR) {
        err = U_ZERO_ERROR; dstCap = dstLen + 1; dst = malloc(sizeof(UChar) * dstCap);
        if (!dst) { result = INT32_MIN; goto done; }
        dstLen = unorm2_normalize(norm, src, srcLen, dst, dstCap, &err);
    }
    if (U_FAILURE(err)) { result = INT32_MIN; goto done; }
    {
        int32_t outLen = 0;
        u_strToUTF8((char *)out, cap, &outLen, dst, dstLen, &err);
        if (err == U_BUFFER_OVERFLOW_ERROR || err == U_STRING_NOT_TERMINATED_WARNING) {
            result = (err == U_BUFFER_OVERFLOW_ERROR) ? -outLen : outLen;
        } else if (U_FAILURE(err)) {
            result = INT32_MIN;
        } else {
            result = outLen;
        }
    }
done:
    if (src != stackSrc) free(src);
    if (dst != stackDst) free(dst);
    return result;
}

int32_t tillit_nfkc_casefold(const uint8_t *in, int32_t len, uint8_t *out, int32_t cap) {
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *norm = unorm2_getNFKCCasefoldInstance(&err);
    if (U_FAILURE(err)) return INT32_MIN;
    return normalize_with(norm, in, len, out, cap);
}

int32_t tillit_nfc(const uint8_t *in, int32_t len, uint8_t *out, int32_t cap) {
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *norm = unorm2_getNFCInstance(&err);
    if (U_FAILURE(err)) return INT32_MIN;
    return normalize_with(norm, in, len, out, cap);
}

int32_t tillit_is_alphabetic(uint32_t cp) { return u_hasBinaryProperty((UChar32)cp, UCHAR_ALPHABETIC); }
int32_t tillit_is_uppercase(uint32_t cp) { return u_hasBinaryProperty((UChar32)cp, UCHAR_UPPERCASE); }
int32_t tillit_is_lowercase(uint32_t cp) { return u_hasBinaryProperty((UChar32)cp, UCHAR_LOWERCASE); }
int32_t tillit_is_extended_pictographic(uint32_t cp) { return u_hasBinaryProperty((UChar32)cp, UCHAR_EXTENDED_PICTOGRAPHIC); }
int32_t tillit_is_emoji_modifier(uint32_t cp) { return u_hasBinaryProperty((UChar32)cp, UCHAR_EMOJI_MODIFIER); }
int32_t tillit_is_regional_indicator(uint32_t cp) { return u_hasBinaryProperty((UChar32)cp, UCHAR_REGIONAL_INDICATOR); }
int32_t tillit_is_digit(uint32_t cp) { return u_isdigit((UChar32)cp); }

int32_t tillit_icu_version(char *buf, int32_t cap) {
    UVersionInfo v; char tmp[U_MAX_VERSION_STRING_LENGTH];
    u_getVersion(v); u_versionToString(v, tmp);
    int32_t n = (int32_t)strlen(tmp);
    if (n >= cap) n = cap - 1;
    memcpy(buf, tmp, n); buf[n] = 0;
    return n;
}
