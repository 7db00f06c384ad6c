// Thin C shim over Debian's SQLite (libsqlite3-dev). Exposes only <stdint.h> types and opaque handles, so
// Swift modules importing it never see sqlite3.h, and every SQLite call lives in one C file.
#ifndef TILLIT_SQLITE_H
#define TILLIT_SQLITE_H
#include <stdint.h>

typedef struct tillit_db tillit_db;
typedef struct tillit_stmt tillit_stmt;

/// Result codes passed through from SQLite (the ones Swift needs to tell apart).
enum {
    TILLIT_SQL_OK = 0,
    TILLIT_SQL_BUSY = 5,
    TILLIT_SQL_CONSTRAINT = 19,
    TILLIT_SQL_ROW = 100,
    TILLIT_SQL_DONE = 101,
};

/// Column types.
enum { TILLIT_SQL_INTEGER = 1, TILLIT_SQL_FLOAT = 2, TILLIT_SQL_TEXT = 3, TILLIT_SQL_BLOB = 4, TILLIT_SQL_NULL = 5 };

/// Opens (creating when `create` is non-zero) the database at `path`. On failure returns NULL and, when
/// possible, writes a message into `err`.
tillit_db *tillit_sql_open(const char *path, int32_t create, int32_t readonly, char *err, int32_t errcap);
void tillit_sql_close(tillit_db *db);
/// The last error message of `db` (valid until the next call).
const char *tillit_sql_errmsg(tillit_db *db);
int32_t tillit_sql_busy_timeout(tillit_db *db, int32_t ms);
/// Runs one or more statements without results.
int32_t tillit_sql_exec(tillit_db *db, const char *sql);
int64_t tillit_sql_changes(tillit_db *db);
int64_t tillit_sql_last_rowid(tillit_db *db);
/// The SQLite library version string (e.g. "3.40.1").
const char *tillit_sql_version(void);

/// Prepares one statement; returns NULL on error (see tillit_sql_errmsg).
tillit_stmt *tillit_sql_prepare(tillit_db *db, const char *sql, int32_t len);
void tillit_sql_finalize(tillit_stmt *st);
int32_t tillit_sql_reset(tillit_stmt *st);
int32_t tillit_sql_step(tillit_stmt *st);
int32_t tillit_sql_bind_null(tillit_stmt *st, int32_t index);
int32_t tillit_sql_bind_int64(tillit_stmt *st, int32_t index, int64_t v);
int32_t tillit_sql_bind_double(tillit_stmt *st, int32_t index, double v);
/// Binds UTF-8 text (copied by SQLite).
int32_t tillit_sql_bind_text(tillit_stmt *st, int32_t index, const uint8_t *text, int32_t len);
int32_t tillit_sql_bind_blob(tillit_stmt *st, int32_t index, const uint8_t *bytes, int32_t len);
int32_t tillit_sql_column_count(tillit_stmt *st);
int32_t tillit_sql_column_type(tillit_stmt *st, int32_t col);
int64_t tillit_sql_column_int64(tillit_stmt *st, int32_t col);
double tillit_sql_column_double(tillit_stmt *st, int32_t col);
/// Text or blob bytes of a column (valid until the next step/reset); `len` receives the byte count.
const uint8_t *tillit_sql_column_bytes(tillit_stmt *st, int32_t col, int32_t *len);
#endif
