// Thin C shim over Snowball's libstemmer (Debian libstemmer-dev; no pkg-config file).
#ifndef TILLIT_STEMMER_H
#define TILLIT_STEMMER_H
#include <stdint.h>
typedef struct tillit_stemmer tillit_stemmer;
/// Opens a UTF-8 Snowball stemmer for an algorithm name ("swedish", "danish", "english", "norwegian").
tillit_stemmer *tillit_stemmer_open(const char *algorithm);
void tillit_stemmer_close(tillit_stemmer *s);
/// Stems `len` bytes of lower-case UTF-8; writes the stem to `out` (at most cap bytes). Returns its length or -1.
int32_t tillit_stem(tillit_stemmer *s, const uint8_t *word, int32_t len, uint8_t *out, int32_t cap);
#endif
