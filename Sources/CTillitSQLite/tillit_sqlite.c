// All SQLite calls of Tillit. See include/tillit_sqlite.h.
#include "tillit_sqlite.h"
#include <sqlite3.h>
#include <string.h>

#define DB(p) ((sqlite3 *)(void *)(p))
#define ST(p) ((sqlite3_stmt *)(void *)(p))

tillit_db *tillit_sql_open(const char *path, int32_t create, int32_t readonly, char *err, int32_t errcap) {
    sqlite3 *db = NULL;
    int flags = SQLITE_OPEN_NOMUTEX;
    flags |= readonly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0));
    int rc = sqlite3_open_v2(path, &db, flags, NULL);
    if (rc != SQLITE_OK) {
        if (err && errcap > 0) {
            const char *m = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
            strncpy(err, m ? m : "cannot open", (size_t)errcap - 1);
            err[errcap - 1] = 0;
        }
        if (db) sqlite3_close_v2(db);
        return NULL;
    }
    sqlite3_extended_result_codes(db, 0);
    return (tillit_db *)(void *)db;
}

void tillit_sql_close(tillit_db *db) { if (db) sqlite3_close_v2(DB(db)); }
const char *tillit_sql_errmsg(tillit_db *db) { return sqlite3_errmsg(DB(db)); }
int32_t tillit_sql_busy_timeout(tillit_db *db, int32_t ms) { return sqlite3_busy_timeout(DB(db), ms); }
int32_t tillit_sql_exec(tillit_db *db, const char *sql) { return sqlite3_exec(DB(db), sql, NULL, NULL, NULL); }
int64_t tillit_sql_changes(tillit_db *db) { return sqlite3_changes64(DB(db)); }
int64_t tillit_sql_last_rowid(tillit_db *db) { return sqlite3_last_insert_rowid(DB(db)); }
const char *tillit_sql_version(void) { return sqlite3_libversion(); }

tillit_stmt *tillit_sql_prepare(tillit_db *db, const char *sql, int32_t len) {
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(DB(db), sql, len, &st, NULL) != SQLITE_OK) { sqlite3_finalize(st); return NULL; }
    return (tillit_stmt *)(void *)st;
}
void tillit_sql_finalize(tillit_stmt *st) { sqlite3_finalize(ST(st)); }
int32_t tillit_sql_reset(tillit_stmt *st) { sqlite3_clear_bindings(ST(st)); return sqlite3_reset(ST(st)); }
int32_t tillit_sql_step(tillit_stmt *st) { return sqlite3_step(ST(st)); }
int32_t tillit_sql_bind_null(tillit_stmt *st, int32_t i) { return sqlite3_bind_null(ST(st), i); }
int32_t tillit_sql_bind_int64(tillit_stmt *st, int32_t i, int64_t v) { return sqlite3_bind_int64(ST(st), i, v); }
int32_t tillit_sql_bind_double(tillit_stmt *st, int32_t i, double v) { return sqlite3_bind_double(ST(st), i, v); }
int32_t tillit_sql_bind_text(tillit_stmt *st, int32_t i, const uint8_t *t, int32_t len) {
    return sqlite3_bind_text(ST(st), i, t ? (const char *)t : "", len, SQLITE_TRANSIENT);
}
int32_t tillit_sql_bind_blob(tillit_stmt *st, int32_t i, const uint8_t *b, int32_t len) {
    return sqlite3_bind_blob(ST(st), i, b ? (const void *)b : (const void *)"", len, SQLITE_TRANSIENT);
}
int32_t tillit_sql_column_count(tillit_stmt *st) { return sqlite3_column_count(ST(st)); }
int32_t tillit_sql_column_type(tillit_stmt *st, int32_t c) { return sqlite3_column_type(ST(st), c); }
int64_t tillit_sql_column_int64(tillit_stmt *st, int32_t c) { return sqlite3_column_int64(ST(st), c); }
double tillit_sql_column_double(tillit_stmt *st, int32_t c) { return sqlite3_column_double(ST(st), c); }
const uint8_t *tillit_sql_column_bytes(tillit_stmt *st, int32_t c, int32_t *len) {
    int t = sqlite3_column_type(ST(st), c);
    const uint8_t *p = t == SQLITE_BLOB ? (const uint8_t *)sqlite3_column_blob(ST(st), c) : sqlite3_column_text(ST(st), c);
    *len = sqlite3_column_bytes(ST(st), c);
    return p;
}
