// Thin C shim over zlib, zstd, bzip2 and xz (liblzma): one streaming decoder handle for all four.
#ifndef TILLIT_COMPRESS_H
#define TILLIT_COMPRESS_H
#include <stdint.h>
#include <stddef.h>

enum { TILLIT_GZIP = 1, TILLIT_ZSTD = 2, TILLIT_BZIP2 = 3, TILLIT_XZ = 4 };
/// Result codes of tillit_dec_run.
enum { TILLIT_DEC_OK = 0, TILLIT_DEC_ERROR = -1, TILLIT_DEC_NOMEM = -2 };

typedef struct tillit_decoder tillit_decoder;

tillit_decoder *tillit_dec_open(int32_t kind);
void tillit_dec_close(tillit_decoder *d);
/// Decompresses from `in` into `out`. Sets *in_used and *out_made. Concatenated members/frames are
/// decoded one after another. Returns TILLIT_DEC_OK or a negative error (message via tillit_dec_error).
int32_t tillit_dec_run(tillit_decoder *d, const uint8_t *in, size_t in_len, size_t *in_used,
                       uint8_t *out, size_t out_cap, size_t *out_made);
/// 1 when the input consumed so far ends exactly at the end of a member/frame (not truncated).
int32_t tillit_dec_at_boundary(tillit_decoder *d);
const char *tillit_dec_error(tillit_decoder *d);
#endif
