#include "tillit_stemmer.h"
#include <libstemmer.h>
#include <string.h>

struct tillit_stemmer { struct sb_stemmer *sb; };

tillit_stemmer *tillit_stemmer_open(const char *algorithm) {
    struct sb_stemmer *sb = sb_stemmer_new(algorithm, "UTF_8");
    return (tillit_stemmer *)sb;
}
void tillit_stemmer_close(tillit_stemmer *s) { if (s) sb_stemmer_delete((struct sb_stemmer *)s); }
int32_t tillit_stem(tillit_stemmer *s, const uint8_t *word, int32_t len, uint8_t *out, int32_t cap) {
    const sb_symbol *r = sb_stemmer_stem((struct sb_stemmer *)s, (const sb_symbol *)word, len);
    if (!r) return -1;
    int32_t n = sb_stemmer_length((struct sb_stemmer *)s);
    if (n > cap) return -1;
    memcpy(out, r, (size_t)n);
    return n;
}
