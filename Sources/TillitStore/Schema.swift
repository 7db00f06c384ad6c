/// The store's schema as numbered migrations. Migration `n` is applied once, inside a transaction, and
/// recorded in `schema_migrations`; a store newer than this tool is refused.
///
/// The SQL keeps to what SQLite and PostgreSQL share (`INTEGER`/`BIGINT`-compatible integers, `TEXT`,
/// `ON CONFLICT … DO NOTHING`, no `AUTOINCREMENT`, no SQLite-only functions in queries), so a
/// PostgreSQL store can run the same statements behind `PostStore` (docs/store.md).
public enum Schema {
    public struct Migration: Sendable {
        public var version: Int
        public var name: String
        public var sql: String
    }

    public static let migrations: [Migration] = [
        Migration(version: 1, name: "initial", sql: """
        CREATE TABLE store_info (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE secrets (name TEXT PRIMARY KEY, value BLOB NOT NULL);
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            status TEXT NOT NULL,
            inputs TEXT NOT NULL,
            options TEXT NOT NULL,
            lexicon_version TEXT NOT NULL,
            tool_version TEXT NOT NULL,
            pid INTEGER NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            read INTEGER NOT NULL DEFAULT 0,
            analysed INTEGER NOT NULL DEFAULT 0,
            skipped INTEGER NOT NULL DEFAULT 0,
            rejected INTEGER NOT NULL DEFAULT 0,
            inserted INTEGER NOT NULL DEFAULT 0,
            duplicates INTEGER NOT NULL DEFAULT 0,
            skipped_reasons TEXT NOT NULL DEFAULT '{}'
        );
        CREATE TABLE retailers (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            sector TEXT NOT NULL,
            countries TEXT NOT NULL
        );
        CREATE TABLE posts (
            pk INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            id TEXT NOT NULL,
            run_id INTEGER NOT NULL REFERENCES runs(id),
            created_at INTEGER,
            week TEXT,
            lang TEXT NOT NULL,
            lang_confidence INTEGER NOT NULL,
            author TEXT,
            rating REAL,
            score INTEGER NOT NULL,
            label TEXT NOT NULL,
            band TEXT NOT NULL,
            text TEXT,
            text_mode TEXT NOT NULL,
            origin TEXT NOT NULL,
            lexicon_version TEXT NOT NULL,
            UNIQUE (source, id)
        );
        CREATE INDEX posts_week ON posts (week);
        CREATE INDEX posts_author ON posts (author);
        CREATE TABLE post_retailers (
            post_pk INTEGER NOT NULL REFERENCES posts(pk),
            retailer_id TEXT NOT NULL,
            reason TEXT NOT NULL,
            PRIMARY KEY (post_pk, retailer_id)
        );
        CREATE INDEX post_retailers_retailer ON post_retailers (retailer_id);
        CREATE TABLE post_aspects (
            post_pk INTEGER NOT NULL REFERENCES posts(pk),
            aspect TEXT NOT NULL,
            score INTEGER NOT NULL,
            label TEXT NOT NULL,
            band TEXT NOT NULL,
            PRIMARY KEY (post_pk, aspect)
        );
        CREATE TABLE post_drivers (
            post_pk INTEGER NOT NULL REFERENCES posts(pk),
            aspect TEXT NOT NULL,
            driver TEXT NOT NULL,
            PRIMARY KEY (post_pk, driver)
        );
        CREATE TABLE erasures (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            posts INTEGER NOT NULL,
            derived INTEGER NOT NULL
        );
        """),
    ]

    public static var latestVersion: Int { migrations.last!.version }
}
