// Thin C shim over Debian's ICU (libicu-dev). Exposes only <stdint.h> types and opaque handles, so that
// Swift modules importing it never see ICU's headers (they clash with full Foundation's bundled ICU).
#ifndef TILLIT_ICU_H
#define TILLIT_ICU_H
#include <stdint.h>

typedef struct tillit_wordbreaker tillit_wordbreaker;

/// Opens a word break iterator (root locale rules). Returns NULL on failure.
tillit_wordbreaker *tillit_wb_open(void);
void tillit_wb_close(tillit_wordbreaker *wb);

/// Segments UTF-8 `text` of `len` bytes. Writes up to `cap` segment end offsets (bytes) to `ends` and the
/// ICU rule status of each segment to `status` (0..99 none, 100.. number, 200.. letter, 300.. kana, 400.. ideo).
/// Returns the number of segments, or -1 on an ICU error, or -(needed) if `cap` is too small.
int32_t tillit_wb_segment(tillit_wordbreaker *wb, const uint8_t *text, int32_t len,
                          int32_t *ends, int32_t *status, int32_t cap);

/// NFKC_Casefold of UTF-8 input into `out`. Returns the output length in bytes, or -(needed) when `cap`
/// is too small, or INT32_MIN on invalid input.
int32_t tillit_nfkc_casefold(const uint8_t *in, int32_t len, uint8_t *out, int32_t cap);

/// NFC of UTF-8 input into `out` (same return convention as tillit_nfkc_casefold).
int32_t tillit_nfc(const uint8_t *in, int32_t len, uint8_t *out, int32_t cap);

/// Code point properties.
int32_t tillit_is_alphabetic(uint32_t cp);
int32_t tillit_is_uppercase(uint32_t cp);
int32_t tillit_is_lowercase(uint32_t cp);
int32_t tillit_is_extended_pictographic(uint32_t cp);
int32_t tillit_is_emoji_modifier(uint32_t cp);
int32_t tillit_is_regional_indicator(uint32_t cp);
int32_t tillit_is_digit(uint32_t cp);

/// The ICU version string (e.g. "72.1") into buf; returns its length.
int32_t tillit_icu_version(char *buf, int32_t cap);
#endif
