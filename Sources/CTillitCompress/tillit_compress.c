#include "tillit_compress.h"
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include <zstd.h>
#include <bzlib.h>
#include <lzma.h>

struct tillit_decoder {
    int kind;
    int at_boundary;      /* 1 when between members/frames */
    int started;          /* a member/frame has begun */
    const char *error;
    z_stream z;
    ZSTD_DStream *zs;
    bz_stream bz;
    lzma_stream xz;
};

static int init_member(tillit_decoder *d) {
    switch (d->kind) {
    case TILLIT_GZIP:
        memset(&d->z, 0, sizeof d->z);
        return inflateInit2(&d->z, 15 + 32) == Z_OK ? 0 : -1;
    case TILLIT_BZIP2:
        memset(&d->bz, 0, sizeof d->bz);
        return BZ2_bzDecompressInit(&d->bz, 0, 0) == BZ_OK ? 0 : -1;
    case TILLIT_XZ: {
        lzma_stream init = LZMA_STREAM_INIT; d->xz = init;
        /* One stream at a time (concatenated streams re-initialise); memlimit bounds hostile headers (1 GiB). */
        return lzma_stream_decoder(&d->xz, 1ull << 30, 0) == LZMA_OK ? 0 : -1;
    }
    default: return 0;
    }
}

static void end_member(tillit_decoder *d) {
    switch (d->kind) {
    case TILLIT_GZIP: inflateEnd(&d->z); break;
    case TILLIT_BZIP2: BZ2_bzDecompressEnd(&d->bz); break;
    case TILLIT_XZ: lzma_end(&d->xz); break;
    default: break;
    }
}

tillit_decoder *tillit_dec_open(int32_t kind) {
    tillit_decoder *d = calloc(1, sizeof *d);
    if (!d) return NULL;
    d->kind = kind; d->at_boundary = 1;
    if (kind == TILLIT_ZSTD) {
        d->zs = ZSTD_createDStream();
        if (!d->zs) { free(d); return NULL; }
        ZSTD_initDStream(d->zs);
        /* Reddit's Pushshift/Arctic-Shift dumps use --long=31: allow 2 GiB windows. */
        ZSTD_DCtx_setParameter(d->zs, ZSTD_d_windowLogMax, 31);
    } else if (init_member(d) != 0) { free(d); return NULL; }
    return d;
}

void tillit_dec_close(tillit_decoder *d) {
    if (!d) return;
    if (d->kind == TILLIT_ZSTD) ZSTD_freeDStream(d->zs); else end_member(d);
    free(d);
}

int32_t tillit_dec_at_boundary(tillit_decoder *d) { return d->at_boundary; }
const char *tillit_dec_error(tillit_decoder *d) { return d->error ? d->error : "unknown error"; }

int32_t tillit_dec_run(tillit_decoder *d, const uint8_t *in, size_t in_len, size_t *in_used,
                       uint8_t *out, size_t out_cap, size_t *out_made) {
    *in_used = 0; *out_made = 0;
    switch (d->kind) {
    case TILLIT_GZIP: {
        size_t used = 0, made = 0;
        while (made < out_cap && used < in_len) {
            d->z.next_in = (Bytef *)(in + used); d->z.avail_in = (uInt)((in_len - used) > 0x40000000u ? 0x40000000u : in_len - used);
            d->z.next_out = out + made; d->z.avail_out = (uInt)((out_cap - made) > 0x40000000u ? 0x40000000u : out_cap - made);
            uInt before_in = d->z.avail_in, before_out = d->z.avail_out;
            int rc = inflate(&d->z, Z_NO_FLUSH);
            used += before_in - d->z.avail_in; made += before_out - d->z.avail_out;
            d->at_boundary = 0;
            if (rc == Z_STREAM_END) {
                d->at_boundary = 1;
                inflateReset(&d->z); /* multi-member gzip: the next member follows */
                continue;
            }
            if (rc == Z_BUF_ERROR) break;
            if (rc != Z_OK) { d->error = d->z.msg ? d->z.msg : "corrupt gzip data"; *in_used = used; *out_made = made; return TILLIT_DEC_ERROR; }
        }
        *in_used = used; *out_made = made; return TILLIT_DEC_OK;
    }
    case TILLIT_ZSTD: {
        ZSTD_inBuffer ib = { in, in_len, 0 };
        ZSTD_outBuffer ob = { out, out_cap, 0 };
        while (ob.pos < ob.size && ib.pos < ib.size) {
            size_t rc = ZSTD_decompressStream(d->zs, &ob, &ib);
            if (ZSTD_isError(rc)) { d->error = ZSTD_getErrorName(rc); *in_used = ib.pos; *out_made = ob.pos; return TILLIT_DEC_ERROR; }
            d->at_boundary = (rc == 0);
        }
        /* flush whatever is still buffered inside the decoder */
        while (ob.pos < ob.size && ib.pos == ib.size && !d->at_boundary) {
            size_t before = ob.pos;
            size_t rc = ZSTD_decompressStream(d->zs, &ob, &ib);
            if (ZSTD_isError(rc)) { d->error = ZSTD_getErrorName(rc); return TILLIT_DEC_ERROR; }
            d->at_boundary = (rc == 0);
            if (ob.pos == before) break;
        }
        *in_used = ib.pos; *out_made = ob.pos; return TILLIT_DEC_OK;
    }
    case TILLIT_BZIP2: {
        size_t used = 0, made = 0;
        while (made < out_cap && used < in_len) {
            d->bz.next_in = (char *)(in + used); d->bz.avail_in = (unsigned)((in_len - used) > 0x40000000u ? 0x40000000u : in_len - used);
            d->bz.next_out = (char *)(out + made); d->bz.avail_out = (unsigned)((out_cap - made) > 0x40000000u ? 0x40000000u : out_cap - made);
            unsigned bi = d->bz.avail_in, bo = d->bz.avail_out;
            int rc = BZ2_bzDecompress(&d->bz);
            used += bi - d->bz.avail_in; made += bo - d->bz.avail_out;
            d->at_boundary = 0;
            if (rc == BZ_STREAM_END) { d->at_boundary = 1; end_member(d); if (init_member(d) != 0) return TILLIT_DEC_NOMEM; continue; }
            if (rc != BZ_OK) { d->error = "corrupt bzip2 data"; *in_used = used; *out_made = made; return TILLIT_DEC_ERROR; }
            if (bi == d->bz.avail_in && bo == d->bz.avail_out) break;
        }
        *in_used = used; *out_made = made; return TILLIT_DEC_OK;
    }
    case TILLIT_XZ: {
        d->xz.next_in = in; d->xz.avail_in = in_len;
        d->xz.next_out = out; d->xz.avail_out = out_cap;
        lzma_ret rc = lzma_code(&d->xz, LZMA_RUN);
        *in_used = in_len - d->xz.avail_in; *out_made = out_cap - d->xz.avail_out;
        d->at_boundary = 0;
        if (rc == LZMA_STREAM_END) { d->at_boundary = 1; end_member(d); if (init_member(d) != 0) return TILLIT_DEC_NOMEM; return TILLIT_DEC_OK; }
        if (rc != LZMA_OK && rc != LZMA_BUF_ERROR) { d->error = rc == LZMA_MEMLIMIT_ERROR ? "xz memory limit exceeded" : "corrupt xz data"; return TILLIT_DEC_ERROR; }
        return TILLIT_DEC_OK;
    }
    }
    d->error = "unknown compression kind";
    return TILLIT_DEC_ERROR;
}
